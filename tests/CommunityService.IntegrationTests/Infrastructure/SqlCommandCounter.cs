using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommunityService.IntegrationTests.Infrastructure;

/// <summary>Counts the SQL commands the app runs, so a test can check a page runs a fixed number of them.</summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> texts = new();
    private int count;
    private volatile bool recording;

    public int Count => Volatile.Read(ref count);

    /// <summary>How many commands since the last <c>Reset(recordTexts: true)</c> contained <paramref name="fragment"/> (e.g. an UPDATE of one table).</summary>
    public int CountOf(string fragment) => texts.Count(t => t.Contains(fragment, StringComparison.Ordinal));

    /// <summary>Starts counting again; with <paramref name="recordTexts"/> the commands' text is kept for <see cref="CountOf"/>.</summary>
    public void Reset(bool recordTexts = false)
    {
        Interlocked.Exchange(ref count, 0);
        texts.Clear();
        recording = recordTexts;
    }

    private void Seen(DbCommand command)
    {
        Interlocked.Increment(ref count);
        if (recording)
        {
            texts.Enqueue(command.CommandText);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Seen(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }
}
