namespace SynAck.Analysis.Pipeline;

/// <summary>A progress report of a running <see cref="ConnPipeline"/>.</summary>
/// <param name="BytesRead">Input bytes read so far.</param>
/// <param name="TotalBytes">Input size when known.</param>
/// <param name="Packets">Packets read so far.</param>
/// <param name="LiveConnections">Connections in the flow tables at the last completed chunk.</param>
/// <param name="Elapsed">Wall time since the run started.</param>
public readonly record struct PipelineProgress(long BytesRead, long? TotalBytes, long Packets, long LiveConnections, TimeSpan Elapsed);
