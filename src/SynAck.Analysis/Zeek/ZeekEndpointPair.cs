using System.Runtime.CompilerServices;

namespace SynAck.Analysis.Zeek;

/// <summary>The two endpoints of a session, indexed by physical side (0 = sender of the first packet).</summary>
[InlineArray(2)]
public struct ZeekEndpointPair
{
    private ZeekEndpoint _element;
}
