namespace Qedu.Indicators.Domain;

/// <summary>A recomputation of one period: when, by whom, how long it took and how many values it wrote.</summary>
internal sealed class ComputeRun
{
    public long Id { get; set; }
    public required string Period { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public int ElapsedMs { get; set; }
    public int Values { get; set; }
    public int Units { get; set; }
    public required string By { get; set; }
}
