using System.Collections.Concurrent;
using Qedu.Kernel.Persistence;

namespace Qedu.Kernel.Tests.Persistence;

/// <summary>Group work (the submission writer, the status reader): alone at once, together when busy, never stranded.</summary>
public sealed class BatchQueueTests
{
    private sealed record Item(int N)
    {
        public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [Fact]
    public async Task An_item_alone_is_handled_at_once_and_items_arriving_meanwhile_are_handled_together_within_the_limits()
    {
        var batches = new ConcurrentQueue<int>();
        var running = 0;
        var mostRunning = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var queue = new BatchQueue<Item>(maxBatch: 10, workers: 2, async batch =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostRunning, now);
            batches.Enqueue(batch.Count);
            await gate.Task;
            Interlocked.Decrement(ref running);
            batch.ForEach(i => i.Done.SetResult(i.N * 2));
        }, (i, e) => i.Done.TrySetException(e));

        var first = new Item(1);
        queue.Enqueue(first);
        // The first is handled without waiting for company.
        await WaitUntil(() => batches.Count == 1);
        var rest = Enumerable.Range(2, 40).Select(n => new Item(n)).ToList();
        rest.ForEach(queue.Enqueue);
        gate.SetResult();

        Assert.Equal(Enumerable.Range(1, 41).Select(n => n * 2), await Task.WhenAll(new[] { first }.Concat(rest).Select(i => i.Done.Task)));
        Assert.Equal(1, batches.First());
        Assert.Equal(41, batches.Sum());
        Assert.All(batches, b => Assert.InRange(b, 1, 10));
        // Forty items arriving while one was handled took a handful of batches, not forty, and never more than two at once.
        Assert.InRange(batches.Count, 5, 8);
        Assert.InRange(mostRunning, 1, 2);
    }

    [Fact]
    public async Task A_handler_that_throws_fails_every_item_of_its_batch_and_the_queue_goes_on()
    {
        var queue = new BatchQueue<Item>(maxBatch: 5, workers: 1, batch =>
        {
            if (batch.Any(i => i.N < 0))
            {
                throw new InvalidOperationException("broken");
            }
            batch.ForEach(i => i.Done.SetResult(i.N));
            return Task.CompletedTask;
        }, (i, e) => i.Done.TrySetException(e));

        var broken = new Item(-1);
        queue.Enqueue(broken);
        await Assert.ThrowsAsync<InvalidOperationException>(() => broken.Done.Task);
        var next = new Item(7);
        queue.Enqueue(next);
        Assert.Equal(7, await next.Done.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out");
            await Task.Delay(5);
        }
    }
}
