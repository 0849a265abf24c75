namespace SynAck.Cli.Output;

/// <summary>Checksum results for one packet under <c>--verify-checksums</c>; null where the check does not apply.</summary>
public readonly record struct PacketChecks(bool Verified, bool? Ipv4Header, bool? Tcp);
