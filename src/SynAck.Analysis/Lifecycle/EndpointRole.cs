namespace SynAck.Analysis.Lifecycle;

/// <summary>Which end of a connection, in Zeek's originator/responder sense.</summary>
public enum EndpointRole : byte
{
    Originator,
    Responder,
}
