namespace SynAck.Cli.Commands.Conns;

/// <summary><c>synack conns --format</c>.</summary>
public enum ConnOutputFormat
{
    /// <summary>A table: Spectre.Console on a terminal, aligned plain text when redirected.</summary>
    Table,

    /// <summary>Zeek conn.log TSV with its #-header lines (readable by zeek-cut).</summary>
    Zeek,

    /// <summary>One JSON object per connection per line: Zeek's keys plus SynAck's lifecycle fields.</summary>
    Json,

    /// <summary>RFC 4180 CSV with a header row.</summary>
    Csv,

    /// <summary>An Apache Parquet file (the CSV columns, typed, and tunnel parents), to standard output when redirected.</summary>
    Parquet,
}
