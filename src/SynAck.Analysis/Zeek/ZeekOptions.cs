namespace SynAck.Analysis.Zeek;

/// <summary>
/// The Zeek parameters that shape conn.log rows, with Zeek's defaults (scripts/base/init-bare.zeek). Times are
/// nanoseconds.
/// </summary>
public sealed record ZeekOptions
{
    private const long Second = 1_000_000_000L;

    /// <summary><c>tcp_inactivity_timeout</c>: an established connection idle this long is removed (5 min).</summary>
    public long InactivityTimeoutNs { get; init; } = 300 * Second;

    /// <summary>
    /// Inactivity timeout while both endpoints are still in handshake states: Zeek starts every TCP connection with
    /// <c>udp_inactivity_timeout</c> (1 min) and switches to the TCP value once an endpoint leaves the handshake.
    /// </summary>
    public long HandshakeInactivityTimeoutNs { get; init; } = 60 * Second;

    /// <summary><c>tcp_attempt_delay</c>: an unanswered SYN attempt is removed this long after the first SYN (5 s).</summary>
    public long AttemptDelayNs { get; init; } = 5 * Second;

    /// <summary><c>tcp_close_delay</c>: a fully closed connection stays in the table this long after its last activity (5 s).</summary>
    public long CloseDelayNs { get; init; } = 5 * Second;

    /// <summary><c>tcp_SYN_timeout</c>: first firing of the expire timer after the connection starts (5 s).</summary>
    public long SynTimeoutNs { get; init; } = 5 * Second;

    /// <summary><c>tcp_session_timer</c>: period of the expire timer (6 s).</summary>
    public long SessionTimerNs { get; init; } = 6 * Second;

    /// <summary><c>tcp_connection_linger</c>: quiet time before a half-closed or reset connection may expire (5 s).</summary>
    public long ConnectionLingerNs { get; init; } = 5 * Second;

    /// <summary>Ports that make a connection seen without a SYN flip its roles (see <see cref="LikelyServerPorts"/>).</summary>
    public LikelyServerPorts ServerPorts { get; init; } = LikelyServerPorts.Default();

    /// <summary>Zeek's <c>report_gaps_for_partial</c>: count content gaps even when an endpoint is not cleanly established.</summary>
    public bool ReportGapsForPartial { get; init; }

    /// <summary>
    /// When true (Zeek without <c>-C</c>), a segment whose <see cref="Input.TcpSegment.Checksum"/> is
    /// <see cref="Input.ChecksumStatus.Bad"/> is dropped and recorded as 'C'/'c' in the history.
    /// </summary>
    public bool VerifyChecksums { get; init; }

    /// <summary>Zeek's <c>ignore_checksums_nets</c>: sources whose checksums are never verified.</summary>
    public IReadOnlyList<IpPrefix> IgnoreChecksumNets { get; init; } = [];

    /// <summary>True when a bad checksum from <paramref name="source"/> makes Zeek drop the segment.</summary>
    public bool DropsBadChecksumFrom(Wire.IpAddr source)
    {
        if (!VerifyChecksums)
        {
            return false;
        }

        foreach (var prefix in IgnoreChecksumNets)
        {
            if (prefix.Contains(source))
            {
                return false;
            }
        }

        return true;
    }
}
