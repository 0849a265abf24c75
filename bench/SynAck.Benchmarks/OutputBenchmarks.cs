using System.Buffers;
using BenchmarkDotNet.Attributes;
using SynAck.Analysis.Output;
using SynAck.Analysis.Records;
using SynAck.Analysis.Tracking;
using SynAck.Wire;
using SynAck.Wire.Tcp;

namespace SynAck.Benchmarks;

/// <summary>Encoding one finished connection's record as a conn.log row, a JSON line and a CSV row (UTF-8, buffered).</summary>
[MemoryDiagnoser]
public class OutputBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private ConnRecord _record = null!;
    private ZeekConnLogWriter _zeek = null!;
    private ConnJsonLinesWriter _json = null!;
    private ConnCsvWriter _csv = null!;

    [GlobalSetup]
    public void Setup()
    {
        _record = new ConnRecord
        {
            TimestampNanos = 1_700_000_000_123_456_789,
            Uid = "CHhAvVGS1DHFjwGM9",
            OrigHost = IpAddr.FromV4(0x7F000001),
            OrigPort = 51234,
            RespHost = IpAddr.FromV4(0x7F000001),
            RespPort = 8088,
            DurationNanos = 1_234_567,
            OrigBytes = 120,
            RespBytes = 612,
            ConnState = SynAck.Analysis.Zeek.ConnState.SF,
            History = "ShADadFf",
            OrigPackets = 6,
            OrigIpBytes = 440,
            RespPackets = 5,
            RespIpBytes = 912,
            OrigState = TcpState.TimeWait,
            RespState = TcpState.Closed,
            CloseKind = CloseKind.FourWay,
            ActiveCloser = ActiveCloser.Resp,
            Handshake = new HandshakeRecord { Valid = true, Complete = true, OrigIsn = 1000, RespIsn = 5000, SynSynAckRttNs = 20_000, SynAckAckRttNs = 15_000 },
            OrigFlags = new FlagCounts(1, 1, 5, 1, 0, 0, 0, 0),
            RespFlags = new FlagCounts(1, 1, 5, 1, 0, 0, 0, 0),
            FirstFrame = 1,
            LastFrame = 11,
            RemovalReason = RemovalReason.Closed,
        };
        _zeek = new ZeekConnLogWriter(_buffer, TimeProvider.System);
        _json = new ConnJsonLinesWriter(_buffer);
        _csv = new ConnCsvWriter(_buffer);
    }

    [Benchmark(Baseline = true)]
    public int ZeekRow()
    {
        _buffer.ResetWrittenCount();
        _zeek.Write(_record);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int JsonLine()
    {
        _buffer.ResetWrittenCount();
        _json.Write(_record);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int CsvRow()
    {
        _buffer.ResetWrittenCount();
        _csv.Write(_record);
        return _buffer.WrittenCount;
    }
}
