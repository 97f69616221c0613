using System.Globalization;
using Qedu.Bench.Enrolment;

// The enrolment benchmarks' tool; the scripts bench/enrolment-load and bench/enrolment-faults run it.
//   prepare --db CONN --parents N --out DIR [--keys DIR]
//   load    --url URL --in DIR --rates 250,500 --seconds 60 --acked FILE [--connections 256] [--retry-errors SECONDS]
//   status  --url URL --in DIR --acked FILE --rates 1000,3000 --seconds 60 [--connections 256]
//   replay  --url URL --in DIR --acked FILE [--sample 200]
//   verify  --db CONN --acked FILE [--in DIR]
// Figures print the same everywhere (a decimal point, not a comma).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
try
{
    var command = args.FirstOrDefault();
    var options = Options.Parse(args.Skip(1));
    var ct = CancellationToken.None;
    switch (command)
    {
        case "prepare":
            await Prepare.RunAsync(options.Required("db"), options.Int("parents", 1000), options.Required("out"),
                options.Get("keys") ?? Environment.GetEnvironmentVariable("QEDU_KEYS") ?? Path.Combine("src", "Qedu.Web", "App_Data", "keys"), ct);
            return 0;
        case "load":
            return await Load.SubmitAsync(new LoadSettings(
                new Uri(options.Required("url")), options.Required("in"), options.Required("acked"), options.Rates("rates", "250,500,1000,1250"),
                options.Int("seconds", 60), options.Int("connections", 256), TimeSpan.FromSeconds(options.Int("retry-errors", 0)),
                TimeSpan.FromSeconds(options.Int("timeout", 30))), ct);
        case "status":
            return await Load.StatusAsync(new LoadSettings(
                new Uri(options.Required("url")), options.Required("in"), options.Required("acked"), options.Rates("rates", "1000,2000,3000"),
                options.Int("seconds", 60), options.Int("connections", 256), TimeSpan.Zero, TimeSpan.FromSeconds(options.Int("timeout", 30))), ct);
        case "replay":
            return await Load.ReplayAsync(new LoadSettings(
                new Uri(options.Required("url")), options.Required("in"), options.Required("acked"), [], 0, 16, TimeSpan.Zero,
                TimeSpan.FromSeconds(30)), options.Int("sample", 200), ct);
        case "verify":
            return await Verify.RunAsync(options.Required("db"), options.Required("acked"), options.Get("in"), ct);
        default:
            await Console.Error.WriteLineAsync("""
                usage: prepare --db CONN --parents N --out DIR [--keys DIR]
                       load    --url URL --in DIR --acked FILE [--rates 250,500,1000,1250] [--seconds 60] [--connections 256] [--retry-errors SECONDS] [--timeout 30]
                       status  --url URL --in DIR --acked FILE [--rates 1000,2000,3000] [--seconds 60] [--connections 256]
                       replay  --url URL --in DIR --acked FILE [--sample 200]
                       verify  --db CONN --acked FILE [--in DIR]
                """);
            return 2;
    }
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

namespace Qedu.Bench.Enrolment
{
    /// <summary><c>--name value</c> pairs.</summary>
    internal sealed class Options(Dictionary<string, string> values)
    {
        public static Options Parse(IEnumerable<string> args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            string? name = null;
            foreach (var arg in args)
            {
                if (name is null)
                {
                    name = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : throw new ArgumentException($"unexpected argument {arg}");
                }
                else
                {
                    values[name] = arg;
                    name = null;
                }
            }
            return name is null ? new Options(values) : throw new ArgumentException($"--{name} needs a value");
        }

        public string? Get(string name) => values.GetValueOrDefault(name);

        public string Required(string name) => Get(name) ?? throw new ArgumentException($"--{name} is required");

        public int Int(string name, int fallback) =>
            Get(name) is { } text ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;

        public IReadOnlyList<int> Rates(string name, string fallback) =>
            (Get(name) ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(r => int.Parse(r, NumberStyles.None, CultureInfo.InvariantCulture)).ToList();
    }
}
