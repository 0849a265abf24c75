using SynAck.Wire.Tcp;

namespace SynAck.Cli.Output;

/// <summary>tcpdump's rendering of TCP options in wire order: <c>mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7</c>.</summary>
public static class TcpOptionsText
{
    public static void Append(ref LineBuilder line, TcpOptions options)
    {
        var first = true;
        var e = options.GetEnumerator();
        while (e.MoveNext())
        {
            if (!first)
            {
                line.Append(',');
            }

            first = false;
            AppendOne(ref line, e.Current);
        }

        if (e.Status != SynAck.Wire.ParseStatus.Ok)
        {
            line.Append(first ? "bad opts" : ",bad opts");
        }
    }

    private static void AppendOne(ref LineBuilder line, TcpOption o)
    {
        switch (o.Kind)
        {
            case TcpOptionKind.EndOfOptions:
                line.Append("eol");
                return;
            case TcpOptionKind.NoOperation:
                line.Append("nop");
                return;
        }

        if (o.TryGetMss(out var mss))
        {
            line.Append("mss ");
            line.Append(mss);
        }
        else if (o.TryGetWindowScale(out var shift))
        {
            line.Append("wscale ");
            line.Append(shift);
        }
        else if (o.IsSackPermitted)
        {
            line.Append("sackOK");
        }
        else if (o.TryGetTimestamps(out var val, out var ecr))
        {
            line.Append("TS val ");
            line.Append(val);
            line.Append(" ecr ");
            line.Append(ecr);
        }
        else if (o.TryGetSackBlocks(out var blocks))
        {
            line.Append("sack ");
            line.Append(blocks.Count);
            line.Append(' ');
            for (var i = 0; i < blocks.Count; i++)
            {
                var (left, right) = blocks[i];
                line.Append('{');
                line.Append(left.Value);
                line.Append(':');
                line.Append(right.Value);
                line.Append('}');
            }
        }
        else if (o.TryGetFastOpenCookie(out var cookie))
        {
            if (cookie.IsEmpty)
            {
                line.Append("tfo cookiereq");
            }
            else
            {
                line.Append("tfo cookie ");
                foreach (var b in cookie)
                {
                    line.AppendHex(b);
                }
            }
        }
        else
        {
            line.Append("unknown-");
            line.Append((byte)o.Kind);
            line.Append(" len ");
            line.Append(o.Length);
        }
    }
}
