using System.Runtime.CompilerServices;

namespace SynAck.Analysis.Lifecycle;

/// <summary>Both endpoints' RFC views, by physical side (0 = sender of the first packet).</summary>
[InlineArray(2)]
public struct RfcEndpointPair
{
    private RfcEndpoint _element;
}
