using System.Text;

namespace SynAck.Analysis.Zeek;

/// <summary>
/// A connection's Zeek <c>history</c>: the ordered letters (upper case originator, lower case responder) plus the
/// "seen" bitset Zeek uses so each letter appears once per direction, and the logarithmic repeat counters for
/// C, G, T and W. Kept as bytes and a bitset on the hot path; formatted only at output.
/// </summary>
public struct ConnHistory
{
    // The de-duplication mask and length (read by every segment) before the letters (written only when one is added).
    private uint _seen;
    private byte _length;
    private HistoryBuffer _letters;

    /// <summary>Number of letters.</summary>
    public readonly int Length => _length;

    /// <summary>Letters that did not fit (not expected in practice; counted rather than dropped silently).</summary>
    public int Overflow { get; private set; }

    /// <summary>Copies the letters as ASCII bytes into <paramref name="destination"/>; returns the count written.</summary>
    public readonly int CopyTo(Span<byte> destination)
    {
        var n = Math.Min(_length, destination.Length);
        for (var i = 0; i < n; i++)
        {
            destination[i] = _letters[i];
        }

        return n;
    }

    /// <summary>Appends a letter (Zeek's <c>AddHistory</c>).</summary>
    public void Add(char code)
    {
        if (_length < HistoryBuffer.Capacity)
        {
            _letters[_length++] = (byte)code;
        }
        else
        {
            Overflow++;
        }
    }

    /// <summary>
    /// Zeek's <c>Session::CheckHistory</c>: adds <paramref name="code"/> the first time <paramref name="mask"/> is
    /// seen and returns false; returns true (adds nothing) when it was already seen.
    /// </summary>
    public bool Check(uint mask, char code)
    {
        if ((_seen & mask) == 0)
        {
            _seen |= mask;
            Add(code);
            return false;
        }

        return true;
    }

    /// <summary>
    /// Zeek's <c>ScaledHistoryEntry</c> with base 10: the letter is added on the 1st, 10th, 100th, ... occurrence.
    /// Returns true when it was added.
    /// </summary>
    public bool Scaled(char code, ref uint counter, ref uint threshold)
    {
        if (++counter == threshold)
        {
            Add(code);
            var next = threshold * 10;
            if (next <= threshold)
            {
                counter = 0;
            }
            else
            {
                threshold = next;
            }

            return true;
        }

        return false;
    }

    /// <summary>True when the history is exactly the single letter <paramref name="c"/>.</summary>
    public readonly bool IsExactly(char c) => _length == 1 && _letters[0] == (byte)c;

    /// <summary>Replaces the whole history by <paramref name="text"/> (Zeek's <c>ReplaceHistory</c>).</summary>
    public void Replace(string text)
    {
        _length = 0;
        foreach (var c in text)
        {
            Add(c);
        }
    }

    /// <summary>
    /// Zeek's RSTOS0 test <c>/\^?S[^HAFGIQ]*R.*/</c> against the whole history, evaluated without a regex:
    /// an optional '^', then 'S', then an 'R' with none of H, A, F, G, I, Q before it.
    /// </summary>
    public readonly bool MatchesRstOs0()
    {
        var i = 0;
        if (i < _length && _letters[i] == (byte)'^')
        {
            i++;
        }

        if (i >= _length || _letters[i] != (byte)'S')
        {
            return false;
        }

        for (i++; i < _length; i++)
        {
            switch (_letters[i])
            {
                case (byte)'R':
                    return true;
                case (byte)'H' or (byte)'A' or (byte)'F' or (byte)'G' or (byte)'I' or (byte)'Q':
                    return false;
            }
        }

        return false;
    }

    public override readonly string ToString()
    {
        Span<byte> buffer = stackalloc byte[HistoryBuffer.Capacity];
        return Encoding.ASCII.GetString(buffer[..CopyTo(buffer)]);
    }
}
