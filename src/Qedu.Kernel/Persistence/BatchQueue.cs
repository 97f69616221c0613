using System.Collections.Concurrent;

namespace Qedu.Kernel.Persistence;

/// <summary>
/// Work that arrives while a batch is being handled is handled together, in the next batch: one transaction or one
/// query for many requests at the peak (ADR 12), and no waiting for company when things are quiet (an item alone is
/// handled at once). At most <c>maxBatch</c> items a batch and <c>workers</c> batches at once, so while one batch waits
/// on the database the next one fills.
/// <para>
/// The handler answers each item (typically a <see cref="TaskCompletionSource{TResult}"/> on it). Whatever it throws
/// is given to <c>failed</c> for every item of the batch, so no caller waits forever. Handlers run on the thread pool
/// without the enqueuer's execution context: they act as whoever they set, never as the request that happened to
/// start them.
/// </para>
/// </summary>
public sealed class BatchQueue<T>(int maxBatch, int workers, Func<List<T>, Task> handle, Action<T, Exception> failed)
{
    private readonly ConcurrentQueue<T> _queue = new();
    private int _workers;

    public void Enqueue(T item)
    {
        _queue.Enqueue(item);
        StartWorker();
    }

    private void StartWorker()
    {
        while (!_queue.IsEmpty)
        {
            var running = Volatile.Read(ref _workers);
            if (running >= workers)
            {
                return;
            }
            if (Interlocked.CompareExchange(ref _workers, running + 1, running) == running)
            {
                using (ExecutionContext.SuppressFlow())
                {
                    _ = Task.Run(DrainAsync);
                }
                return;
            }
        }
    }

    private async Task DrainAsync()
    {
        try
        {
            while (true)
            {
                var batch = new List<T>(maxBatch);
                while (batch.Count < maxBatch && _queue.TryDequeue(out var next))
                {
                    batch.Add(next);
                }
                if (batch.Count == 0)
                {
                    return;
                }
                try
                {
                    await handle(batch);
                }
                catch (Exception e)
                {
                    foreach (var item in batch)
                    {
                        failed(item, e);
                    }
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _workers);
            // An item queued after the last look but before the count went down has no worker yet.
            StartWorker();
        }
    }
}
