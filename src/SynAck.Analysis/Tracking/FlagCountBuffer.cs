using System.Runtime.CompilerServices;

namespace SynAck.Analysis.Tracking;

/// <summary>Per physical side, per flag (SYN FIN ACK PSH RST URG ECE CWR) packet counts: index side * 8 + flag.</summary>
[InlineArray(16)]
internal struct FlagCountBuffer
{
    private uint _element;
}
