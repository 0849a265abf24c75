namespace SynAck.Wire.Tcp;

/// <summary>TCP option kinds (IANA "TCP Option Kind Numbers").</summary>
public enum TcpOptionKind : byte
{
    /// <summary>End of option list (RFC 9293 §3.2); the rest of the option space is padding.</summary>
    EndOfOptions = 0,

    /// <summary>No-operation, used for alignment (RFC 9293 §3.2).</summary>
    NoOperation = 1,

    /// <summary>Maximum segment size, 4 bytes (RFC 9293 §3.7.1, RFC 6691).</summary>
    Mss = 2,

    /// <summary>Window scale shift, 3 bytes (RFC 7323 §2).</summary>
    WindowScale = 3,

    /// <summary>SACK permitted, 2 bytes (RFC 2018 §2).</summary>
    SackPermitted = 4,

    /// <summary>SACK blocks, 2 + 8n bytes (RFC 2018 §3).</summary>
    Sack = 5,

    /// <summary>Timestamps TSval/TSecr, 10 bytes (RFC 7323 §3).</summary>
    Timestamps = 8,

    /// <summary>TCP MD5 signature (RFC 2385).</summary>
    Md5Signature = 19,

    /// <summary>User timeout (RFC 5482).</summary>
    UserTimeout = 28,

    /// <summary>TCP authentication option (RFC 5925).</summary>
    AuthenticationOption = 29,

    /// <summary>Multipath TCP (RFC 8684).</summary>
    Multipath = 30,

    /// <summary>TCP Fast Open cookie (RFC 7413 §4.1.1).</summary>
    FastOpen = 34,

    /// <summary>RFC 3692-style experiment (RFC 6994 shared use with a 16-bit ExID).</summary>
    Experimental1 = 253,

    /// <summary>RFC 3692-style experiment; with ExID 0xF989 it carries a pre-standard Fast Open cookie (RFC 7413 §4.1.1).</summary>
    Experimental2 = 254,
}
