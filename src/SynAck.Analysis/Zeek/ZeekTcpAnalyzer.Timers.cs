namespace SynAck.Analysis.Zeek;

public static partial class ZeekTcpAnalyzer
{
    /// <summary>
    /// The time at or before <paramref name="now"/> at which one of Zeek's timers removes the connection, or
    /// <see cref="long.MaxValue"/> when none is due. The connection's state is constant between its own packets,
    /// so evaluating lazily (at its next packet, or in a periodic sweep) gives the same answer as Zeek's timer
    /// queue, except that Zeek checks the expire condition at the dispatching packet's time (see
    /// docs/zeek-differences.md). Advances or disarms timers that fired without effect.
    /// </summary>
    public static long DueRemoval(ref ZeekSession s, ZeekOptions options, long now, out ZeekRemovalCause cause)
    {
        cause = ZeekRemovalCause.None;
        var best = long.MaxValue;
        if (s.DeleteAtNs <= now)
        {
            best = s.DeleteAtNs;
            cause = ZeekRemovalCause.CloseDelay;
        }

        var inactivity = s.LastNs + (s.LongInactivity ? options.InactivityTimeoutNs : options.HandshakeInactivityTimeoutNs);
        if (inactivity <= now && inactivity < best)
        {
            best = inactivity;
            cause = ZeekRemovalCause.Inactivity;
        }

        if (s.AttemptAtNs != 0 && s.AttemptAtNs <= now)
        {
            ref readonly var orig = ref s.Sides[s.OrigSide];
            ref readonly var resp = ref s.Sides[s.RespSide];
            var unanswered = orig.State is ZeekEndpointState.SynSent or ZeekEndpointState.SynAckSent &&
                             resp.State == ZeekEndpointState.Inactive;
            if (s.IsActive && unanswered)
            {
                if (s.AttemptAtNs < best)
                {
                    best = s.AttemptAtNs;
                    cause = ZeekRemovalCause.Attempt;
                }
            }
            else
            {
                s.AttemptAtNs = 0;
            }
        }

        // Most calls find no timer due: the endpoints (other cache lines) are read only when an expire timer fired.
        var expirable = -1;
        for (var i = 0; i < s.ChainCount; i++)
        {
            var f = s.Chains[i];
            if (f > now)
            {
                continue;
            }

            if (!s.IsActive)
            {
                s.Chains[i] = long.MaxValue;
                continue;
            }

            if (expirable < 0)
            {
                expirable = IsExpirable(ref s) ? 1 : 0;
            }

            var quietFrom = s.LastNs + options.ConnectionLingerNs;
            if (expirable == 1)
            {
                // First firing strictly after the linger period.
                if (f <= quietFrom)
                {
                    var steps = ((quietFrom - f) / options.SessionTimerNs) + 1;
                    f += steps * options.SessionTimerNs;
                }

                if (f <= now)
                {
                    if (f < best)
                    {
                        best = f;
                        cause = ZeekRemovalCause.Expire;
                    }

                    continue;
                }
            }
            else
            {
                var steps = ((now - f) / options.SessionTimerNs) + 1;
                f += steps * options.SessionTimerNs;
            }

            s.Chains[i] = f;
        }

        return best;
    }

    /// <summary>Zeek's condition for an expire timer to remove the connection (both closed, or one closed and the other reset or silent, or neither seen).</summary>
    private static bool IsExpirable(ref ZeekSession s)
    {
        ref readonly var orig = ref s.Sides[s.OrigSide];
        ref readonly var resp = ref s.Sides[s.RespSide];
        return ((orig.DidClose || resp.DidClose) &&
                ((orig.DidClose && resp.DidClose) || orig.State == ZeekEndpointState.Reset ||
                 resp.State == ZeekEndpointState.Reset || orig.State == ZeekEndpointState.Inactive ||
                 resp.State == ZeekEndpointState.Inactive)) ||
               (orig.State == ZeekEndpointState.Inactive && resp.State == ZeekEndpointState.Inactive);
    }
}
