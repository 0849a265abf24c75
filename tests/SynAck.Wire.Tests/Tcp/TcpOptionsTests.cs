using SynAck.Wire.Tcp;

namespace SynAck.Wire.Tests.Tcp;

public sealed class TcpOptionsTests
{
    /// <summary>NOP, NOP, timestamps (Validate's fast path) and the same bytes cut or misaligned (the general walk).</summary>
    [Theory]
    [InlineData("0101080a0000000100000002", ParseStatus.Ok)]
    [InlineData("0101080affffffffffffffff", ParseStatus.Ok)]
    [InlineData("0101080a00000001000000", ParseStatus.BadOption)]
    [InlineData("0101080b000000010000000200", ParseStatus.Ok)]
    [InlineData("010108010000000100000002", ParseStatus.BadOption)]
    public void Validate_NopNopTimestamps_AgreesWithTheOptionWalk(string hex, ParseStatus expected)
    {
        var opts = new TcpOptions(Convert.FromHexString(hex));
        Assert.Equal(expected, opts.Validate());
        var walk = opts.GetEnumerator();
        while (walk.MoveNext())
        {
        }

        Assert.Equal(expected, walk.Status);
    }

    [Fact]
    public void TcpOptions_GoldenSyn_EnumeratesInWireOrder()
    {
        var opts = new TcpOptions(Convert.FromHexString("020405b40402080a010203040000000001030307"));
        var kinds = new List<(TcpOptionKind, int)>();
        foreach (var o in opts)
        {
            kinds.Add((o.Kind, o.Length));
        }

        Assert.Equal(
            [(TcpOptionKind.Mss, 4), (TcpOptionKind.SackPermitted, 2), (TcpOptionKind.Timestamps, 10), (TcpOptionKind.NoOperation, 1), (TcpOptionKind.WindowScale, 3)],
            kinds);
        Assert.Equal(ParseStatus.Ok, opts.Validate());
        Assert.True(opts.TryGetMss(out var mss));
        Assert.Equal(1460, mss);
        Assert.True(opts.TryGetWindowScale(out var ws));
        Assert.Equal(7, ws);
        Assert.True(opts.SackPermitted);
        Assert.True(opts.TryGetTimestamps(out var tsVal, out var tsEcr));
        Assert.Equal(0x01020304u, tsVal);
        Assert.Equal(0u, tsEcr);
        Assert.False(opts.TryGetSackBlocks(out _));
        Assert.False(opts.TryGetFastOpenCookie(out _));
    }

    [Fact]
    public void TcpOptions_SackBlocks_ReadsPairs()
    {
        var opts = new TcpOptions(Convert.FromHexString("0101" + "0512" + "000003e8000007d0" + "00000bb800000fa0"));
        Assert.True(opts.TryGetSackBlocks(out var blocks));
        Assert.Equal(2, blocks.Count);
        Assert.Equal((new SeqNumber(1000), new SeqNumber(2000)), blocks[0]);
        Assert.Equal((new SeqNumber(3000), new SeqNumber(4000)), blocks[1]);
    }

    [Fact]
    public void TcpOptions_LengthPastEnd_ReturnsBadOption()
    {
        var opts = new TcpOptions(Convert.FromHexString("020405b4" + "0808"));
        var e = opts.GetEnumerator();
        Assert.True(e.MoveNext());
        Assert.Equal(TcpOptionKind.Mss, e.Current.Kind);
        Assert.False(e.MoveNext());
        Assert.Equal(ParseStatus.BadOption, e.Status);
        Assert.Equal(ParseStatus.BadOption, opts.Validate());
        Assert.True(opts.TryGetMss(out var mss));
        Assert.Equal(1460, mss);
    }

    [Theory]
    [InlineData("02")]
    [InlineData("0200")]
    [InlineData("0201")]
    [InlineData("1e05aabb")]
    public void TcpOptions_MalformedLength_ReturnsBadOption(string hex)
    {
        Assert.Equal(ParseStatus.BadOption, new TcpOptions(Convert.FromHexString(hex)).Validate());
    }

    [Fact]
    public void TcpOptions_EndOfList_StopsBeforePadding()
    {
        var opts = new TcpOptions(Convert.FromHexString("01" + "00" + "ffff"));
        var count = 0;
        foreach (var o in opts)
        {
            count++;
            Assert.Equal(1, o.Length);
        }

        Assert.Equal(2, count);
        Assert.Equal(ParseStatus.Ok, opts.Validate());
    }

    [Fact]
    public void TcpOptions_FastOpenKind34_ReturnsCookie()
    {
        var opts = new TcpOptions(Convert.FromHexString("220a0102030405060708" + "0101"));
        Assert.True(opts.TryGetFastOpenCookie(out var cookie));
        Assert.Equal("0102030405060708", Convert.ToHexStringLower(cookie));
    }

    [Fact]
    public void TcpOptions_FastOpenExperimental_ReturnsCookieAfterMagic()
    {
        var opts = new TcpOptions(Convert.FromHexString("fe08f989aabbccdd"));
        Assert.True(opts.TryGetFastOpenCookie(out var cookie));
        Assert.Equal("aabbccdd", Convert.ToHexStringLower(cookie));
        Assert.False(new TcpOptions(Convert.FromHexString("fe08f98aaabbccdd")).TryGetFastOpenCookie(out _));
    }

    [Fact]
    public void TcpOptions_FastOpenRequest_ReturnsEmptyCookie()
    {
        Assert.True(new TcpOptions(Convert.FromHexString("2202")).TryGetFastOpenCookie(out var cookie));
        Assert.Equal(0, cookie.Length);
    }

    [Fact]
    public void TcpOptions_UnknownKind_KeepsItsLength()
    {
        var opts = new TcpOptions(Convert.FromHexString("4c06deadbeef" + "020405dc"));
        var e = opts.GetEnumerator();
        Assert.True(e.MoveNext());
        Assert.Equal((TcpOptionKind)76, e.Current.Kind);
        Assert.Equal(6, e.Current.Length);
        Assert.Equal("deadbeef", Convert.ToHexStringLower(e.Current.Data));
        Assert.True(e.MoveNext());
        Assert.True(e.Current.TryGetMss(out var mss));
        Assert.Equal(1500, mss);
        Assert.False(e.MoveNext());
        Assert.Equal(ParseStatus.Ok, e.Status);
    }

    [Fact]
    public void TcpOption_WrongLengthForKind_TypedReaderReturnsFalse()
    {
        var opts = new TcpOptions(Convert.FromHexString("020505b400" + "03020000"));
        Assert.Equal(ParseStatus.Ok, opts.Validate());
        Assert.False(opts.TryGetMss(out _));
        Assert.False(opts.TryGetWindowScale(out _));
    }
}
