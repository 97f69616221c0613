using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Qedu.Bench.Enrolment;

internal sealed record LoadSettings(
    Uri Url, string In, string Acked, IReadOnlyList<int> Rates, int Seconds, int Connections, TimeSpan RetryErrors, TimeSpan Timeout);

/// <summary>One line of parents.tsv: the parent's cookie, Idempotency-Key and body.</summary>
internal sealed record ParentLine(string Cookie, string Key, byte[] Body, string ParentId);

/// <summary>
/// The load driver, open-loop: each step starts requests on a fixed schedule (rate × seconds of them, one every 1/rate
/// seconds) whether or not earlier ones have answered, and a request's latency is counted from when the schedule said it
/// should start, so waiting for a connection or behind a slow server is part of it (no coordinated omission). Every parent
/// submits once, with its own key; an answer 429 is retried with the same key and body after Retry-After, and, when
/// <see cref="LoadSettings.RetryErrors"/> is set (the faults run), so is a connection error, a timeout or a 5xx, until a
/// definite answer or that time limit. Every 2xx is appended to the acked file (id, key, parent).
/// </summary>
internal static class Load
{
    private const string ApplicationsPath = "/api/admissions/applications";

    public static async Task<int> SubmitAsync(LoadSettings settings, CancellationToken ct)
    {
        var already = ReadAcked(settings.Acked).Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var parents = ReadParents(settings.In).Where(p => !already.Contains(p.Key)).ToList();
        Console.WriteLine($"{parents.Count} parents yet to submit ({already.Count} already acknowledged in {settings.Acked}); " +
            $"{Environment.ProcessorCount} cores, load average {LoadAverage()}");
        using var client = Client(settings);
        await WarmUpAsync(client, settings);
        await using var acked = new AckedFile(settings.Acked);
        var next = 0;
        var allAcks = new ConcurrentBag<long>();
        var failed = 0;
        foreach (var rate in settings.Rates)
        {
            var count = Math.Min(rate * settings.Seconds, parents.Count - next);
            if (count <= 0)
            {
                Console.WriteLine($"submit @ {rate}/s: no parents left (prepare more: --parents)");
                break;
            }
            if (count < rate * settings.Seconds)
            {
                Console.WriteLine($"submit @ {rate}/s: only {count} parents left, the step lasts {count / (double)rate:0.0} s");
            }
            var step = new Step($"submit @ {rate}/s", rate);
            var batch = parents.GetRange(next, count);
            next += count;
            await step.RunAsync(count, (i, due) => SubmitOneAsync(client, settings, batch[i], due, step, acked, allAcks), ct);
            step.Report();
            failed += step.GaveUp;
        }
        Console.WriteLine($"acknowledged {acked.Count} submissions in this run ({settings.Acked}); longest time without a 2xx answer: " +
            $"{LongestGap(allAcks):0.0} s; load average {LoadAverage()}");
        return 0;
    }

    public static async Task<int> StatusAsync(LoadSettings settings, CancellationToken ct)
    {
        var cookies = ReadParents(settings.In).ToDictionary(p => p.Key, p => p.Cookie, StringComparer.Ordinal);
        var ids = ReadAcked(settings.Acked).Where(a => cookies.ContainsKey(a.Key)).ToList();
        if (ids.Count == 0)
        {
            await Console.Error.WriteLineAsync($"no acknowledged application in {settings.Acked}: run load first");
            return 1;
        }
        Console.WriteLine($"status reads of {ids.Count} acknowledged applications, half with If-None-Match (the ETag of an earlier read)");
        using var client = Client(settings);
        await WarmUpAsync(client, settings);
        var etags = new ConcurrentDictionary<long, string>();
        foreach (var rate in settings.Rates)
        {
            var step = new Step($"status @ {rate}/s", rate);
            await step.RunAsync(rate * settings.Seconds, (i, due) =>
            {
                var (id, key, _) = ids[i % ids.Count];
                var conditional = i % 2 == 1 && etags.ContainsKey(id);
                return ReadOneAsync(client, settings, id, cookies[key], conditional ? etags[id] : null, due, step, etags);
            }, ct);
            step.Report();
        }
        return 0;
    }

    /// <summary>
    /// Sends a sample of the acknowledged submissions again, same key and body: each must get the first answer back (2xx,
    /// the same id, <c>Idempotent-Replayed: true</c>), never a second application. Exit code 1 otherwise.
    /// </summary>
    public static async Task<int> ReplayAsync(LoadSettings settings, int sample, CancellationToken ct)
    {
        var parents = ReadParents(settings.In).ToDictionary(p => p.Key, StringComparer.Ordinal);
        var acked = ReadAcked(settings.Acked).Where(a => parents.ContainsKey(a.Key)).ToList();
        var picked = acked.OrderBy(_ => Random.Shared.Next()).Take(sample).ToList();
        using var client = Client(settings);
        int same = 0, other = 0, notReplayed = 0;
        var statuses = new SortedDictionary<int, int>();
        foreach (var (id, key, _) in picked)
        {
            var parent = parents[key];
            using var request = new HttpRequestMessage(HttpMethod.Post, ApplicationsPath) { Content = new ByteArrayContent(parent.Body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation("Cookie", $"qedu.parent={parent.Cookie}");
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
            using var response = await client.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            if (response.IsSuccessStatusCode && IdOf(body) == id)
            {
                same++;
                notReplayed += response.Headers.Contains("Idempotent-Replayed") ? 0 : 1;
            }
            else
            {
                other++;
            }
        }
        Console.WriteLine($"replayed {picked.Count} acknowledged submissions with their key and body: {same} got the same application back, " +
            $"{other} did not, {notReplayed} without Idempotent-Replayed; answers {string.Join(' ', statuses.Select(s => $"{s.Key}={s.Value}"))}");
        return other == 0 ? 0 : 1;
    }

    private static async Task SubmitOneAsync(
        HttpClient client, LoadSettings settings, ParentLine parent, long due, Step step, AckedFile acked, ConcurrentBag<long> allAcks)
    {
        var first = due;
        var start = due;
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, ApplicationsPath) { Content = new ByteArrayContent(parent.Body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation("Cookie", $"qedu.parent={parent.Cookie}");
            request.Headers.TryAddWithoutValidation("Idempotency-Key", parent.Key);
            var (status, body, retryAfter) = await SendAsync(client, request, settings.Timeout, ct: default);
            var now = Stopwatch.GetTimestamp();
            step.Record("", status, Stopwatch.GetElapsedTime(start, now), attempt > 0);
            if (status is 429 or 503 && retryAfter is null)
            {
                step.MissingRetryAfter();
            }
            if (status is >= 200 and < 300)
            {
                if (IdOf(body) is not { } id)
                {
                    step.Final(Status.NoId);
                    return;
                }
                acked.Add(id, parent.Key, parent.ParentId, status);
                step.Acked(now);
                allAcks.Add(now);
                return;
            }
            TimeSpan? wait = status switch
            {
                429 => retryAfter ?? TimeSpan.FromSeconds(1),
                // The same key still running (a retry overtook the first try): ask again shortly.
                409 when body?.Contains("Idempotency-Key", StringComparison.Ordinal) == true => TimeSpan.FromMilliseconds(500),
                >= 500 or Status.ConnectionError or Status.Timeout when settings.RetryErrors > TimeSpan.Zero
                    && Stopwatch.GetElapsedTime(first, now) < settings.RetryErrors => TimeSpan.FromMilliseconds(Math.Min(2000, 100 << Math.Min(attempt, 5))),
                _ => null,
            };
            if (wait is null)
            {
                step.Final(status);
                return;
            }
            await Task.Delay(wait.Value);
            start = Stopwatch.GetTimestamp();
        }
    }

    private static async Task ReadOneAsync(
        HttpClient client, LoadSettings settings, long id, string cookie, string? etag, long due, Step step, ConcurrentDictionary<long, string> etags)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{ApplicationsPath}/{id}");
        request.Headers.TryAddWithoutValidation("Cookie", $"qedu.parent={cookie}");
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }
        var (status, _, _) = await SendAsync(client, request, settings.Timeout, ct: default, etags: etag is null ? (etags, id) : null);
        var now = Stopwatch.GetTimestamp();
        step.Record(etag is null ? "GET" : "GET If-None-Match", status, Stopwatch.GetElapsedTime(due, now), retry: false);
        if (status is >= 200 and < 400)
        {
            step.Acked(now);
        }
    }

    /// <summary>Status codes of requests that got none.</summary>
    private static class Status
    {
        public const int ConnectionError = -1;
        public const int Timeout = -2;
        public const int NoId = -3;
    }

    /// <summary>The application id of a 2xx answer's JSON body, or null when it has none.</summary>
    private static long? IdOf(string? body)
    {
        try
        {
            return body is not null && JsonDocument.Parse(body).RootElement.TryGetProperty("id", out var id) && id.TryGetInt64(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<(int Status, string? Body, TimeSpan? RetryAfter)> SendAsync(
        HttpClient client, HttpRequestMessage request, TimeSpan timeout, CancellationToken ct,
        (ConcurrentDictionary<long, string> Map, long Id)? etags = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cts.Token);
            var body = await response.Content.ReadAsStringAsync(cts.Token);
            if (etags is { } e && response.Headers.ETag is { } tag)
            {
                e.Map[e.Id] = tag.ToString();
            }
            var retryAfter = response.Headers.RetryAfter?.Delta;
            return ((int)response.StatusCode, body, retryAfter);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (Status.Timeout, null, null);
        }
        catch (HttpRequestException)
        {
            return (Status.ConnectionError, null, null);
        }
        catch (IOException)
        {
            return (Status.ConnectionError, null, null);
        }
    }

    /// <summary>Opens the pool's connections (and runs the client's code once) before anything is timed: GET /health, concurrently.</summary>
    private static async Task WarmUpAsync(HttpClient client, LoadSettings settings)
    {
        for (var round = 0; round < 2; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, Math.Min(settings.Connections, 128)).Select(async _ =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
                await SendAsync(client, request, settings.Timeout, CancellationToken.None);
            }));
        }
    }

    private static HttpClient Client(LoadSettings settings)
    {
        // Enough threads from the start: the pool's slow growth would otherwise show up as latency in the first seconds.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = settings.Connections,
            UseCookies = false,
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = DecompressionMethods.None,
        };
        return new HttpClient(handler) { BaseAddress = settings.Url, Timeout = Timeout.InfiniteTimeSpan };
    }

    public static IEnumerable<ParentLine> ReadParents(string directory)
    {
        foreach (var line in File.ReadLines(Path.Combine(directory, Prepare.ParentsFile)))
        {
            var f = line.Split('\t');
            yield return new ParentLine(f[0], f[1], Encoding.UTF8.GetBytes(f[2]), f[3]);
        }
    }

    /// <summary>The acked file's lines: application id, Idempotency-Key, parent account id (first line of each key).</summary>
    public static List<(long Id, string Key, string Parent)> ReadAcked(string path)
    {
        var list = new List<(long, string, string)>();
        if (!File.Exists(path))
        {
            return list;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split('\t');
            if (f.Length >= 3 && seen.Add(f[1]))
            {
                list.Add((long.Parse(f[0], CultureInfo.InvariantCulture), f[1], f[2]));
            }
        }
        return list;
    }

    private static double LongestGap(IEnumerable<long> timestamps)
    {
        var sorted = timestamps.Order().ToList();
        var longest = 0.0;
        for (var i = 1; i < sorted.Count; i++)
        {
            longest = Math.Max(longest, Stopwatch.GetElapsedTime(sorted[i - 1], sorted[i]).TotalSeconds);
        }
        return longest;
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>The acknowledged submissions, one line each, written as they come (flushed: a crash of the driver keeps them).</summary>
    private sealed class AckedFile : IAsyncDisposable
    {
        private readonly StreamWriter _writer;
        private readonly Lock _gate = new();

        public AckedFile(string path)
        {
            _writer = new StreamWriter(path, append: true, new UTF8Encoding(false)) { AutoFlush = true };
        }

        public int Count { get; private set; }

        public void Add(long id, string key, string parent, int status)
        {
            lock (_gate)
            {
                _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{id}\t{key}\t{parent}\t{status}"));
                Count++;
            }
        }

        public ValueTask DisposeAsync() => _writer.DisposeAsync();
    }
}

/// <summary>
/// One step at one rate: starts the requests on schedule, collects each answer's latency and status, and prints the
/// figures: what was offered, the 2xx rate achieved, p50/p95/p99 and the answers by status.
/// </summary>
internal sealed class Step(string name, int rate)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<double>> _latencies = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _statuses = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _finals = new(StringComparer.Ordinal);
    private long _start;
    private long _lastOk;
    private int _ok;
    private int _retries;
    private int _missingRetryAfter;
    private int _started;
    private double _schedulerLag;

    public int GaveUp { get; private set; }

    public async Task RunAsync(int count, Func<int, long, Task> send, CancellationToken ct)
    {
        var interval = Stopwatch.Frequency / (double)rate;
        var tasks = new List<Task>(count);
        _start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count;)
        {
            var now = Stopwatch.GetTimestamp();
            while (i < count && _start + (long)(i * interval) <= now)
            {
                var due = _start + (long)(i * interval);
                _schedulerLag = Math.Max(_schedulerLag, Stopwatch.GetElapsedTime(due, now).TotalMilliseconds);
                var index = i;
                tasks.Add(Task.Run(() => send(index, due), ct));
                i++;
            }
            if (i < count)
            {
                var wait = Stopwatch.GetElapsedTime(now, _start + (long)(i * interval));
                await Task.Delay(wait > TimeSpan.FromMilliseconds(1) ? wait : TimeSpan.FromMilliseconds(1), ct);
            }
        }
        _started = count;
        await Task.WhenAll(tasks);
    }

    public void Record(string kind, int status, TimeSpan latency, bool retry)
    {
        lock (_gate)
        {
            if (!_latencies.TryGetValue(kind, out var list))
            {
                _latencies[kind] = list = [];
            }
            list.Add(latency.TotalMilliseconds);
            var label = StatusLabel(status);
            _statuses[label] = _statuses.GetValueOrDefault(label) + 1;
            if (retry)
            {
                _retries++;
            }
        }
    }

    public void Acked(long at)
    {
        lock (_gate)
        {
            _ok++;
            _lastOk = Math.Max(_lastOk, at);
        }
    }

    /// <summary>A 429 or 503 that did not say when to come back (the API promises Retry-After on both).</summary>
    public void MissingRetryAfter()
    {
        lock (_gate)
        {
            _missingRetryAfter++;
        }
    }

    /// <summary>A submission that ended without a 2xx: its last answer.</summary>
    public void Final(int status)
    {
        lock (_gate)
        {
            var label = StatusLabel(status);
            _finals[label] = _finals.GetValueOrDefault(label) + 1;
            GaveUp++;
        }
    }

    public void Report()
    {
        var elapsed = Math.Max(_started / (double)rate, _lastOk == 0 ? 0 : Stopwatch.GetElapsedTime(_start, _lastOk).TotalSeconds);
        Console.WriteLine(
            $"{name}: started {_started} in {_started / (double)rate:0.0} s; 2xx/3xx {_ok} = {(elapsed > 0 ? _ok / elapsed : 0):0.0}/s sustained; " +
            $"answers {string.Join(' ', _statuses.Select(s => $"{s.Key}={s.Value}"))}; retries {_retries}" +
            (_finals.Count > 0 ? $"; ended without 2xx: {string.Join(' ', _finals.Select(s => $"{s.Key}={s.Value}"))}" : "") +
            $"; 429/503 without Retry-After {_missingRetryAfter}" +
            $"; scheduler lag max {_schedulerLag:0} ms");
        foreach (var (kind, list) in _latencies.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            list.Sort();
            Console.WriteLine(
                $"  {(kind.Length == 0 ? "latency" : kind)} ({list.Count}): p50 {Percentile(list, 0.50):0.0} ms, p95 {Percentile(list, 0.95):0.0} ms, " +
                $"p99 {Percentile(list, 0.99):0.0} ms, max {list[^1]:0.0} ms");
        }
    }

    private static string StatusLabel(int status) => status switch
    {
        -1 => "connection-error",
        -2 => "timeout",
        -3 => "2xx-without-id",
        _ => status.ToString(CultureInfo.InvariantCulture),
    };

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
