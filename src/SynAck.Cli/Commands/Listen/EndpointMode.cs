namespace SynAck.Cli.Commands.Listen;

/// <summary>What <c>synack listen</c> and <c>synack connect</c> do with each connection.</summary>
public enum EndpointMode
{
    /// <summary>Send back every byte received; close after the peer's FIN.</summary>
    Echo,

    /// <summary>Read to the peer's FIN and count the bytes; send nothing.</summary>
    Discard,

    /// <summary>Send a file, half-close, then read what the peer sends until its FIN.</summary>
    File,
}
