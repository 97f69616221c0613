using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Cli.Commands;
using Qedu.Cli.Hosting;
using Qedu.Indicators;
using Qedu.Kernel.Files;

namespace Qedu.Cli.Indicators;

/// <summary>
/// <c>qedu indicators compute [--period P] [--out F.csv]</c>: recomputes every indicator for every org unit in the period
/// (default: this year), stores the snapshots the dashboards read, and writes <c>org_code,indicator_code,period,value</c>
/// to standard output or the file. Exit 2 for a bad period, 3 when the file cannot be written.
/// </summary>
internal static class IndicatorsCommand
{
    internal static Command Create()
    {
        var period = new Option<string?>("--period") { Description = "A year (2026) or a month (2026-11); default: this year" };
        var output = new Option<string?>("--out") { Description = "Write the CSV here instead of standard output" };
        var db = DbOption.Create();
        var compute = new Command("compute", "Recompute every indicator for every org unit and print org_code,indicator_code,period,value") { period, output, db };
        compute.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            await using var services = CliServices.Build(CliServices.Resolve(parse.GetValue(db)), "indicators-compute");
            await using var scope = services.CreateAsyncScope();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var chosen = parse.GetValue(period)?.Trim() is { Length: > 0 } p ? p : IndicatorsOperations.CurrentPeriod(clock);
            if (!IndicatorsOperations.IsPeriod(chosen))
            {
                await error.WriteLineAsync($"qedu indicators compute: 统计期“{chosen}”无效，应为年份（如 2026）或年月（如 2026-11） / not a period: give a year (2026) or a month (2026-11).");
                return ExitCodes.BadInput;
            }
            var result = await scope.ServiceProvider.GetRequiredService<IndicatorsOperations>().RecomputeAsync(chosen, ct);
            var csv = new StringWriter(CultureInfo.InvariantCulture);
            CsvRecords.WriteRecord(csv, ["org_code", "indicator_code", "period", "value"], "\n");
            foreach (var v in result.Values)
            {
                CsvRecords.WriteRecord(csv, [v.OrgCode, v.IndicatorCode, result.Period, v.Value.ToString("0.############", CultureInfo.InvariantCulture)], "\n");
            }
            var outPath = parse.GetValue(output);
            if (outPath is null)
            {
                await parse.InvocationConfiguration.Output.WriteAsync(csv.ToString());
            }
            else
            {
                try
                {
                    await File.WriteAllTextAsync(outPath, csv.ToString(), new UTF8Encoding(false), ct);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    await error.WriteLineAsync($"qedu indicators compute: 无法写入输出文件 {outPath} / cannot write output {outPath}: {e.Message}");
                    return ExitCodes.Failed;
                }
            }
            await error.WriteLineAsync($"qedu indicators compute: {result.Period}: {result.Values.Count} 个指标值 / values, {result.Units} 个单位 / units, {result.ElapsedMs} ms");
            return ExitCodes.Done;
        });
        return new Command("indicators", "Indicators") { compute };
    }
}
