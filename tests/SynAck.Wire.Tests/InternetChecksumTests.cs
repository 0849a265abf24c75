namespace SynAck.Wire.Tests;

public sealed class InternetChecksumTests
{
    [Fact]
    public void Sum_Rfc1071Example_FoldsToDdf2()
    {
        // RFC 1071 §3: bytes 00 01 f2 03 f4 f5 f6 f7 sum to 0xddf2.
        var data = Convert.FromHexString("0001f203f4f5f6f7");
        Assert.Equal(0xDDF2, InternetChecksum.Fold(InternetChecksum.Sum(data)));
        Assert.Equal(0x220D, InternetChecksum.Compute(data));
    }

    [Fact]
    public void Sum_OddLength_PadsWithZeroByte()
    {
        Assert.Equal(0xAB00, InternetChecksum.Fold(InternetChecksum.Sum([0xAB])));
        Assert.Equal(0x0100 + 0xAB00, InternetChecksum.Fold(InternetChecksum.Sum([0x01, 0x00, 0xAB])));
    }

    [Fact]
    public void Verify_GoldenIpv4Header_IsTrue()
    {
        var frame = Golden.Bytes(Golden.EthernetIpv4Syn);
        Assert.True(InternetChecksum.Verify(frame.AsSpan(14, 20)));
        frame[14 + 8] ^= 1;
        Assert.False(InternetChecksum.Verify(frame.AsSpan(14, 20)));
    }

    [Fact]
    public void Update_OneWordChanged_MatchesRecompute()
    {
        // RFC 1624 §3: change the TTL/protocol word of the golden IPv4 header.
        var header = Golden.Bytes(Golden.EthernetIpv4Syn).AsSpan(14, 20).ToArray();
        var old = (ushort)((header[10] << 8) | header[11]);
        var updated = InternetChecksum.Update(old, 0x4006, 0x3F06);
        header[8] = 0x3F;
        header[10] = 0;
        header[11] = 0;
        Assert.Equal(InternetChecksum.Compute(header), updated);
    }

    [Fact]
    public void PseudoHeaderSum_V4AndV6_AddTheirWords()
    {
        var v4 = new IpPseudoHeader(IpAddr.Parse("192.168.1.10"), IpAddr.Parse("10.0.0.1"), 6, 40);
        Assert.Equal(InternetChecksum.Fold(0xC0A8UL + 0x010A + 0x0A00 + 0x0001 + 6 + 40), InternetChecksum.Fold(InternetChecksum.PseudoHeaderSum(v4)));
        var v6 = new IpPseudoHeader(IpAddr.Parse("2001:db8::1"), IpAddr.Parse("2001:db8::2"), 6, 0x10005);
        Assert.Equal(InternetChecksum.Fold((0x2001UL + 0x0db8 + 1) + (0x2001 + 0x0db8 + 2) + 1 + 5 + 6), InternetChecksum.Fold(InternetChecksum.PseudoHeaderSum(v6)));
    }
}
