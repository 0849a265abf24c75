using System.Text;

namespace SynAck.Wire.Tests;

public sealed class IpAddrTests
{
    [Theory]
    [InlineData("::", "::")]
    [InlineData("::1", "::1")]
    [InlineData("1:0:0:0:0:0:0:0", "1::")]
    [InlineData("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1")]
    [InlineData("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1")]
    [InlineData("2001:0:0:1:0:0:0:1", "2001:0:0:1::1")]
    [InlineData("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1")]
    [InlineData("0:1:0:1:0:1:0:1", "0:1:0:1:0:1:0:1")]
    [InlineData("0:0:0:0:0:1:0:0", "::1:0:0")]
    [InlineData("::ffff:1.2.3.4", "::ffff:1.2.3.4")]
    [InlineData("::1.2.3.4", "::1.2.3.4")]
    [InlineData("::0.1.0.0", "::0.1.0.0")]
    [InlineData("::ffff:0:1.2.3.4", "::ffff:0:102:304")]
    [InlineData("64:ff9b::1.2.3.4", "64:ff9b::102:304")]
    [InlineData("FE80::ABCD", "fe80::abcd")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    public void IpAddr_V6Text_FormatsAsTsharkDoes(string input, string expected)
    {
        Assert.True(IpAddr.TryParse(input, out var a));
        Assert.True(a.IsV6);
        Assert.Equal(expected, a.ToString());
    }

    [Theory]
    [InlineData("0.0.0.0", 0u)]
    [InlineData("127.0.0.1", 0x7F000001u)]
    [InlineData("192.168.1.10", 0xC0A8010Au)]
    [InlineData("255.255.255.255", 0xFFFFFFFFu)]
    public void IpAddr_V4Text_RoundTrips(string text, uint value)
    {
        Assert.True(IpAddr.TryParse(text, out var a));
        Assert.False(a.IsV6);
        Assert.Equal(value, a.V4);
        Assert.Equal(text, a.ToString());
        Assert.Equal(IpAddr.FromV4(value), a);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("256.1.1.1")]
    [InlineData("01.2.3.4")]
    [InlineData("1.2.3.4 ")]
    [InlineData(":")]
    [InlineData(":::")]
    [InlineData("1::2::3")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("1:2:3:4:5:6:7")]
    [InlineData("12345::")]
    [InlineData("1:")]
    [InlineData(":1")]
    [InlineData("::g")]
    [InlineData("fe80::1%eth0")]
    [InlineData("1:2:3:4:5:6:7:1.2.3.4")]
    public void IpAddr_InvalidText_ReturnsFalse(string text)
    {
        Assert.False(IpAddr.TryParse(text, out var a));
        Assert.Equal(default, a);
    }

    [Fact]
    public void IpAddr_TryFormatUtf8_WritesAsciiText()
    {
        var a = IpAddr.Parse("2001:db8::1");
        Span<byte> buf = stackalloc byte[IpAddr.MaxTextLength];
        Assert.True(a.TryFormat(buf, out var n));
        Assert.Equal("2001:db8::1", Encoding.ASCII.GetString(buf[..n]));
        Assert.False(a.TryFormat(buf[..5], out n));
        Assert.Equal(0, n);
    }

    [Fact]
    public void IpAddr_TryFormatChars_FailsWhenShort()
    {
        var a = IpAddr.FromV4(0xC0A8010A);
        Span<char> buf = stackalloc char[12];
        Assert.True(a.TryFormat(buf, out var n));
        Assert.Equal("192.168.1.10", buf[..n].ToString());
        Assert.False(a.TryFormat(buf[..11], out n));
        Assert.Equal("192.168.1.10", $"{a}");
    }

    [Fact]
    public void IpAddr_TryWriteBytes_WritesNetworkOrder()
    {
        Span<byte> buf = stackalloc byte[16];
        Assert.True(IpAddr.Parse("10.1.2.3").TryWriteBytes(buf, out var n));
        Assert.Equal(4, n);
        Assert.Equal(new byte[] { 10, 1, 2, 3 }, buf[..4].ToArray());
        Assert.True(IpAddr.Parse("2001:db8::1").TryWriteBytes(buf, out n));
        Assert.Equal(16, n);
        Assert.Equal("20010db8000000000000000000000001", Convert.ToHexStringLower(buf));
        Assert.False(IpAddr.Parse("::1").TryWriteBytes(buf[..15], out n));
        Assert.Equal(0, n);
    }

    [Fact]
    public void IpAddr_SameBitsDifferentFamily_AreNotEqual()
    {
        var v4 = IpAddr.FromV4(1);
        var v6 = IpAddr.FromV6(UInt128.One);
        Assert.NotEqual(v4, v6);
        Assert.True(v4 < v6);
        Assert.Equal(IpAddr.FromV6(Convert.FromHexString("00000000000000000000000000000001")), v6);
    }
}
