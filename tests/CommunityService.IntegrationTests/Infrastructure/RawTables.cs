using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CommunityService.IntegrationTests.Infrastructure;

/// <summary>
/// What the tests that go around the model (every table, every row, every text column) say differently on each provider:
/// the list of tables, a row's own address (SQLite's rowid, PostgreSQL's ctid), change triggers and the "insane value" check.
/// Table and column names come from the database catalogue or the model, never from input.
/// </summary>
public static class RawTables
{
    /// <summary>The address of one row of any table, keys or not (stable while the row is not updated), as a value to select.</summary>
    public static string RowAddress => TestDatabase.IsPostgres ? "ctid::text" : "rowid";

    /// <summary>A condition matching the row whose <see cref="RowAddress"/> is in the parameter.</summary>
    public static string AtRowAddress(string parameter) => TestDatabase.IsPostgres ? $"ctid = CAST({parameter} AS tid)" : $"rowid = {parameter}";

    /// <summary>A connection of its own (no pool) to the factory's database.</summary>
    public static DbConnection Open(PortalFactory portal)
    {
        DbConnection connection = TestDatabase.IsPostgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(portal.ConnectionString) { Pooling = false }.ToString())
            : new SqliteConnection($"Data Source={portal.DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>The tables of the app (with the migrations history), by name, but <paramref name="except"/>.</summary>
    public static async Task<List<string>> TablesAsync(DbConnection connection, params string[] except)
    {
        var tables = new List<string>();
        await using var list = connection.CreateCommand();
        list.CommandText = TestDatabase.IsPostgres
            ? "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        await using var reader = await list.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }
        return [.. tables.Where(t => !except.Contains(t)).Order(StringComparer.Ordinal)];
    }

    public static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Triggers that write the table's name into <paramref name="log"/> on any insert, update or delete of a row (not of a
    /// statement that changes none) in each of <paramref name="tables"/>.
    /// </summary>
    public static string ChangeTriggers(string log, IEnumerable<string> tables)
    {
        var sql = new StringBuilder().Append(CultureInfo.InvariantCulture, $"CREATE TABLE IF NOT EXISTS {log} (at TEXT);");
        if (TestDatabase.IsPostgres)
        {
            sql.Append(CultureInfo.InvariantCulture,
                $"CREATE OR REPLACE FUNCTION {log}_note() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO {log} VALUES (TG_TABLE_NAME); RETURN NULL; END $$;");
        }
        foreach (var (table, i) in tables.Select((t, i) => (t, i)))
        {
            sql.Append(TestDatabase.IsPostgres
                ? $"CREATE OR REPLACE TRIGGER {log}_{i} AFTER INSERT OR UPDATE OR DELETE ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION {log}_note();"
                : string.Concat(new[] { "INSERT", "UPDATE", "DELETE" }.Select(change =>
                    $"CREATE TRIGGER IF NOT EXISTS {log}_{change}_{i} AFTER {change} ON \"{table}\" BEGIN INSERT INTO {log} VALUES ('{table}'); END;")));
        }
        return sql.ToString();
    }

    /// <summary>The distinct tables <see cref="ChangeTriggers"/> noted, comma-separated, or null.</summary>
    public static string ChangedSql(string log) => TestDatabase.IsPostgres
        ? $"SELECT string_agg(DISTINCT at, ',') FROM {log}"
        : $"SELECT group_concat(DISTINCT at) FROM {log}";

    /// <summary>
    /// A condition true when the text column holds a NUL, BEL or ESC character or 500 KB or more (PostgreSQL cannot store a NUL
    /// in text at all: an attempt is an error, which the fuzz sees as a 5xx).
    /// </summary>
    public static string InsaneText(string column) => TestDatabase.IsPostgres
        ? $"strpos({column}, chr(7)) > 0 OR strpos({column}, chr(27)) > 0 OR octet_length({column}) >= 500000"
        : $"instr(CAST({column} AS BLOB), x'00') > 0 OR instr(CAST({column} AS BLOB), x'07') > 0 OR instr(CAST({column} AS BLOB), x'1B') > 0 OR length(CAST({column} AS BLOB)) >= 500000";

    /// <summary>A hash of every row of every table but <paramref name="except"/>, in an order that does not depend on storage.</summary>
    public static async Task<string> FingerprintAsync(DbConnection connection, params string[] except)
    {
        var text = new StringBuilder();
        foreach (var table in await TablesAsync(connection, except))
        {
            var rows = new List<string>();
            await using var dump = connection.CreateCommand();
            dump.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await dump.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row.Append(reader.IsDBNull(i) ? "∅" : reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes)
                        : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                }
                rows.Add(row.ToString());
            }
            text.Append(table).Append('\n').AppendJoin('\n', rows.Order(StringComparer.Ordinal)).Append('\n');
        }
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
