using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommunityService.Web.Bench.Seeding;

/// <summary>
/// Writes the big tables of the benchmark data with prepared INSERTs instead of EF's change tracker, in transactions of
/// <see cref="BatchSize"/> rows (whatever the tables). All inserters of a writer share its transaction, so rows that
/// refer to each other (a record and its rating) can be written interleaved.
/// </summary>
public sealed class BulkWriter(DbContext db) : IAsyncDisposable
{
    public const int BatchSize = 10_000;

    private IDbContextTransaction? transaction;
    private int inBatch;

    public DbContext Db => db;

    public Task<BulkInsert<T>> ForAsync<T>(CancellationToken ct) where T : class => BulkInsert<T>.CreateAsync(this, ct);

    internal async Task<DbTransaction> TransactionAsync(CancellationToken ct)
    {
        transaction ??= await db.Database.BeginTransactionAsync(ct);
        return transaction.GetDbTransaction();
    }

    internal async Task RowWrittenAsync(CancellationToken ct)
    {
        if (++inBatch >= BatchSize)
        {
            await CommitAsync(ct);
        }
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
            await transaction.DisposeAsync();
            transaction = null;
        }
        inBatch = 0;
    }

    public async ValueTask DisposeAsync() => await CommitAsync(default);
}

/// <summary>
/// A prepared INSERT built from EF's model of the entity (table, columns, value converters such as enums stored as
/// text), so rows are written as EF writes them but without change tracking. Generated integer keys are assigned here
/// (from the table's current maximum) and set on the entity, so dependants can refer to them at once; foreign keys are
/// set by the caller. Flat entities only (no shadow properties).
/// </summary>
public sealed class BulkInsert<T> : IDisposable where T : class
{
    private readonly BulkWriter writer;
    private readonly DbCommand command;
    private readonly (PropertyInfo Clr, DbParameter Parameter, ValueConverter? Converter)[] columns;
    private readonly PropertyInfo? generatedKey;
    private int nextKey;

    private BulkInsert(BulkWriter writer, DbCommand command, (PropertyInfo, DbParameter, ValueConverter?)[] columns, PropertyInfo? generatedKey, int nextKey)
    {
        this.writer = writer;
        this.command = command;
        this.columns = columns;
        this.generatedKey = generatedKey;
        this.nextKey = nextKey;
    }

    public int Count { get; private set; }

    internal static async Task<BulkInsert<T>> CreateAsync(BulkWriter writer, CancellationToken ct)
    {
        var db = writer.Db;
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = type.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var properties = type.GetProperties().ToList();
        if (properties.FirstOrDefault(p => p.IsShadowProperty() || p.PropertyInfo is null) is { } shadow)
        {
            throw new InvalidOperationException($"{typeof(T).Name}.{shadow.Name} is not a CLR property: BulkInsert takes flat entities only.");
        }
        var key = type.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } only] && only.ClrType == typeof(int) ? only : null;
        await db.Database.OpenConnectionAsync(ct);
        var next = 1;
        if (key is not null)
        {
            using var max = db.Database.GetDbConnection().CreateCommand();
            max.CommandText = $"SELECT COALESCE(MAX(\"{key.GetColumnName()}\"), 0) FROM \"{table}\"";
            max.Transaction = await writer.TransactionAsync(ct);
            next = Convert.ToInt32(await max.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) + 1;
        }
        var command = db.Database.GetDbConnection().CreateCommand();
        var columns = new List<(PropertyInfo, DbParameter, ValueConverter?)>();
        foreach (var property in properties)
        {
            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            var parameter = mapping.CreateParameter(command, $"@p{columns.Count}", null, property.IsNullable);
            command.Parameters.Add(parameter);
            columns.Add((property.PropertyInfo!, parameter, mapping.Converter));
        }
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select(c => c.Item2.ParameterName))})";
        return new BulkInsert<T>(writer, command, [.. columns], key?.PropertyInfo, next);
    }

    public async Task AddAsync(T entity, CancellationToken ct)
    {
        if (generatedKey is not null && (int)generatedKey.GetValue(entity)! == 0)
        {
            generatedKey.SetValue(entity, nextKey++);
        }
        command.Transaction = await writer.TransactionAsync(ct);
        foreach (var (clr, parameter, converter) in columns)
        {
            var value = clr.GetValue(entity);
            if (value is not null && converter is not null)
            {
                value = converter.ConvertToProvider(value);
            }
            parameter.Value = value ?? DBNull.Value;
        }
        await command.ExecuteNonQueryAsync(ct);
        Count++;
        await writer.RowWrittenAsync(ct);
    }

    public void Dispose() => command.Dispose();
}
