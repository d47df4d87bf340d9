using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using ThiDua.Core.Assessment;

namespace ThiDua.Benchmarks;

/// <summary>
/// The same cohort in DuckDB (in-process, in memory): the data are loaded with the appender before any timing,
/// then the timed statements compute, in SQL, points (a CASE per rule kind joined to the indicator table, an ASOF
/// join for steps, a join for choices), group sums and values, totals, bands and ranks with window functions.
/// Results are materialised as tables inside DuckDB (not read back) during the timing; they are read afterwards
/// for the agreement check.
/// </summary>
public sealed class DuckDbEngine : IDisposable
{
    private readonly DuckDBConnection _connection;

    public DuckDbEngine()
    {
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // Ranks compare totals rounded to 9 decimals: two units with the same values must tie although DuckDB may add
    // their points in another order (a last-bit difference); ThiDua ties totals within 1e-9 relative (Ranking.TieTolerance).
    private const string RankKey = "round(total, 9)";

    public void LoadCohort(NationalScale data)
    {
        var f = data.Framework;
        var definition = data.Definition;
        Execute("""
            CREATE TABLE ind (ind INTEGER, grp INTEGER, kind INTEGER, maxp DOUBLE, low DOUBLE, high DOUBLE, down BOOLEAN);
            CREATE TABLE steps (ind INTEGER, smin DOUBLE, pts DOUBLE);
            CREATE TABLE options (ind INTEGER, pos DOUBLE, pts DOUBLE);
            CREATE TABLE grp (grp INTEGER, maxp DOUBLE);
            CREATE TABLE units (unit INTEGER, type INTEGER);
            CREATE TABLE unit_clusters (unit INTEGER, cluster INTEGER);
            CREATE TABLE raw (unit INTEGER, ind INTEGER, val DOUBLE);
            """);
        var indicators = definition.Indicators().Select(x => x.Indicator).ToList();
        using (var appender = _connection.CreateAppender("ind"))
        {
            for (var i = 0; i < indicators.Count; i++)
            {
                var rule = indicators[i].Rule;
                appender.CreateRow().AppendValue(i).AppendValue(f.WeightGroupOf[i]).AppendValue((int)f.Kinds[i]).AppendValue(f.MaxPoints[i])
                    .AppendValue(rule.Low ?? 0).AppendValue(rule.High ?? 0).AppendValue(rule.Direction == "down").EndRow();
            }
        }
        using (var appender = _connection.CreateAppender("steps"))
        {
            for (var i = 0; i < indicators.Count; i++)
            {
                foreach (var step in indicators[i].Rule.Steps ?? [])
                {
                    appender.CreateRow().AppendValue(i).AppendValue(step.Min).AppendValue(step.Points).EndRow();
                }
            }
        }
        using (var appender = _connection.CreateAppender("options"))
        {
            for (var i = 0; i < indicators.Count; i++)
            {
                var options = indicators[i].Rule.Options ?? [];
                for (var o = 0; o < options.Count; o++)
                {
                    appender.CreateRow().AppendValue(i).AppendValue((double)o).AppendValue(options[o].Points).EndRow();
                }
            }
        }
        using (var appender = _connection.CreateAppender("grp"))
        {
            for (var g = 0; g < f.WeightGroupMax.Length; g++)
            {
                appender.CreateRow().AppendValue(g).AppendValue(f.WeightGroupMax[g]).EndRow();
            }
        }
        using (var appender = _connection.CreateAppender("units"))
        {
            for (var u = 0; u < data.Layout.Units; u++)
            {
                appender.CreateRow().AppendValue(u).AppendValue(data.Layout.TypeOf[u]).EndRow();
            }
        }
        using (var appender = _connection.CreateAppender("unit_clusters"))
        {
            for (var u = 0; u < data.Layout.Units; u++)
            {
                for (var slot = data.Layout.ClusterStart[u]; slot < data.Layout.ClusterStart[u + 1]; slot++)
                {
                    appender.CreateRow().AppendValue(u).AppendValue(data.Layout.ClusterOf[slot]).EndRow();
                }
            }
        }
        using (var appender = _connection.CreateAppender("raw"))
        {
            for (var u = 0; u < data.Raw.Length; u++)
            {
                var row = data.Raw[u];
                for (var i = 0; i < row.Length; i++)
                {
                    var line = appender.CreateRow().AppendValue(u).AppendValue(i);
                    (double.IsNaN(row[i]) ? line.AppendNullValue() : line.AppendValue(row[i])).EndRow();
                }
            }
        }
        Execute("CHECKPOINT");
    }

    /// <summary>The timed part of scoring: four statements, each materialising its result in DuckDB.</summary>
    public void Score(CompiledFramework framework)
    {
        var bands = new StringBuilder("CASE");
        var thresholds = framework.Definition.Bands.OrderByDescending(b => b.MinFraction).ToList();
        for (var b = 0; b < thresholds.Count; b++)
        {
            bands.Append(CultureInfo.InvariantCulture, $" WHEN round(t.total / {Number(framework.ScaleMax)}, 9) >= {Number(thresholds[b].MinFraction)} - 1e-9 THEN {b}");
        }
        bands.Append(" ELSE -1 END");
        Execute("""
            CREATE OR REPLACE TABLE r_points AS
            SELECT r.unit, r.ind, i.grp,
              CASE
                WHEN r.val IS NULL THEN 0.0
                WHEN i.kind = 0 THEN CASE WHEN r.val >= 0.5 THEN i.maxp ELSE 0.0 END
                WHEN i.kind IN (1, 5) THEN greatest(0.0, least(1.0, r.val)) * i.maxp
                WHEN i.kind = 6 THEN greatest(0.0, least(i.maxp, r.val))
                WHEN i.kind = 3 THEN greatest(0.0, least(1.0, CASE WHEN i.down THEN (i.high - r.val) / (i.high - i.low) ELSE (r.val - i.low) / (i.high - i.low) END)) * i.maxp
                WHEN i.kind = 2 THEN coalesce(s.pts, 0.0)
                WHEN i.kind = 4 THEN coalesce(o.pts, 0.0)
                ELSE 0.0
              END AS pts
            FROM raw r
            JOIN ind i ON i.ind = r.ind
            ASOF LEFT JOIN steps s ON s.ind = r.ind AND r.val + 1e-9 >= s.smin
            LEFT JOIN options o ON o.ind = r.ind AND o.pos = trunc(r.val);
            """);
        Execute("""
            CREATE OR REPLACE TABLE r_groups AS
            SELECT p.unit, p.grp, sum(p.pts) AS pts, sum(p.pts) / g.maxp AS value
            FROM r_points p JOIN grp g ON g.grp = p.grp
            GROUP BY p.unit, p.grp, g.maxp;
            """);
        Execute($"""
            CREATE OR REPLACE TABLE r_units AS
            WITH t AS (SELECT unit, sum(pts) AS total FROM r_groups GROUP BY unit)
            SELECT t.unit, u.type, t.total, {bands} AS band,
              rank() OVER (ORDER BY {RankKey} DESC) AS rank_all,
              rank() OVER (PARTITION BY u.type ORDER BY {RankKey} DESC) AS rank_type
            FROM t JOIN units u ON u.unit = t.unit;
            """);
        Execute($"""
            CREATE OR REPLACE TABLE r_clusters AS
            SELECT c.unit, c.cluster, rank() OVER (PARTITION BY c.cluster ORDER BY {RankKey} DESC) AS rank_cluster
            FROM unit_clusters c JOIN r_units t ON t.unit = c.unit;
            """);
    }

    public sealed record UnitRow(double Total, int Band, int Rank, int RankInType);

    public (UnitRow[] Units, Dictionary<(int Unit, int Cluster), int> Clusters, double[] GroupValues) ReadScores(int units, int groups)
    {
        var rows = new UnitRow[units];
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT unit, total, band, rank_all, rank_type FROM r_units";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows[reader.GetInt32(0)] = new UnitRow(reader.GetDouble(1), reader.GetInt32(2), (int)reader.GetInt64(3), (int)reader.GetInt64(4));
            }
        }
        var clusters = new Dictionary<(int, int), int>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT unit, cluster, rank_cluster FROM r_clusters";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                clusters[(reader.GetInt32(0), reader.GetInt32(1))] = (int)reader.GetInt64(2);
            }
        }
        var values = new double[units * groups];
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT unit, grp, value FROM r_groups";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                values[(reader.GetInt32(0) * groups) + reader.GetInt32(1)] = reader.GetDouble(2);
            }
        }
        return (rows, clusters, values);
    }

    /// <summary>Group points (one column per group) and the samples' weights, loaded before timing.</summary>
    public void LoadUncertainty(double[] groupPoints, int units, int groups, double[] weights, int samples)
    {
        var gCols = string.Join(", ", Enumerable.Range(0, groups).Select(g => $"g{g} DOUBLE"));
        var wCols = string.Join(", ", Enumerable.Range(0, groups).Select(g => $"w{g} DOUBLE"));
        Execute($"CREATE OR REPLACE TABLE gp (unit INTEGER, {gCols}); CREATE OR REPLACE TABLE w (sample INTEGER, {wCols});");
        using (var appender = _connection.CreateAppender("gp"))
        {
            for (var u = 0; u < units; u++)
            {
                var row = appender.CreateRow().AppendValue(u);
                for (var g = 0; g < groups; g++)
                {
                    row = row.AppendValue(groupPoints[(u * groups) + g]);
                }
                row.EndRow();
            }
        }
        using (var appender = _connection.CreateAppender("w"))
        {
            for (var s = 0; s < samples; s++)
            {
                var row = appender.CreateRow().AppendValue(s);
                for (var g = 0; g < groups; g++)
                {
                    row = row.AppendValue(weights[(s * groups) + g]);
                }
                row.EndRow();
            }
        }
        Execute("CHECKPOINT");
    }

    /// <summary>
    /// The timed part of the uncertainty: every sample's weighted totals (added in the same order as ThiDua, so the
    /// same doubles), a rank per sample, and the type-7 percentiles (quantile_cont) of each unit's ranks.
    /// </summary>
    public void Uncertainty(int groups)
    {
        var total = string.Join(" + ", Enumerable.Range(0, groups).Select(g => $"w.w{g} * gp.g{g}"));
        Execute($"""
            CREATE OR REPLACE TABLE r_unc AS
            WITH t AS (SELECT w.sample, gp.unit, {total} AS total FROM w CROSS JOIN gp),
            r AS (SELECT unit, rank() OVER (PARTITION BY sample ORDER BY total DESC) AS rk FROM t)
            SELECT unit, quantile_cont(rk, 0.5) AS med, quantile_cont(rk, 0.05) AS p5, quantile_cont(rk, 0.95) AS p95
            FROM r GROUP BY unit;
            """);
    }

    public RankInterval[] ReadUncertainty(int units)
    {
        var result = new RankInterval[units];
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT unit, med, p5, p95 FROM r_unc";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result[reader.GetInt32(0)] = new RankInterval(reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3));
        }
        return result;
    }
}
