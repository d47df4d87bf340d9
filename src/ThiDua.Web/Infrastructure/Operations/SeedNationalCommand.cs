using System.Diagnostics;
using System.Globalization;
using ThiDua.Web.Data;
using ThiDua.Web.Data.Seed;

namespace ThiDua.Web.Infrastructure.Operations;

/// <summary>
/// <c>seed-national [--units N]</c>: fills the configured database (Database__Provider, ConnectionStrings__*) with the
/// national-scale dataset of <see cref="NationalSeeder"/>. Migrations and the province's own seed run first, as at a
/// normal start; the server is never started. Refuses when the national data is already there.
/// </summary>
public static class SeedNationalCommand
{
    public const int DefaultUnits = 3321;

    public const string Usage = """
        Usage: seed-national [--units N] [configuration…]

        Fills the configured database (Database__Provider, ConnectionStrings__Sqlite / ConnectionStrings__Postgres)
        with a national-scale dataset for load tests and demos: the 34 provinces and cities of 1 July 2025, N
        commune-level units (default 3321) spread over them as in reality, one cluster per province, the national
        commune framework QG-XA-2026 (300 indicators, 9 groups, 1,000 points) with every commune's assessment
        appraised and published, nominations and rewards, and the framework QG-XA-2027 with a draft for each of 32
        reporter accounts qg.baocao01…qg.baocao32 (and a Secretariat account qg.thuongtruc), all with the demo
        password ThiDua@2026. Refuses (exit code 1) when the national data is already there.
        """;

    public static bool Matches(string[] args) => args is ["seed-national", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        var rest = args.Skip(1).ToList();
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            Console.WriteLine(Usage);
            return 0;
        }
        var units = DefaultUnits;
        var at = rest.IndexOf("--units");
        if (at >= 0)
        {
            if (at + 1 >= rest.Count || !int.TryParse(rest[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out units) || units < NationalSeeder.Writers || units > 100_000)
            {
                await Console.Error.WriteLineAsync($"seed-national: --units takes a number from {NationalSeeder.Writers} to 100000.");
                return 1;
            }
            rest.RemoveRange(at, 2);
        }
        try
        {
            var builder = WebApplication.CreateBuilder(rest.ToArray());
            builder.AddThiDua();
            await using var app = builder.Build();
            return await RunAsync(app.Services, units, ProgressBar.ForConsole(), Console.Out);
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"seed-national failed: {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }

    /// <summary>Migrates, seeds the province, then the national dataset; 1 with a message when it is already there.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, int units, ProgressBar progress, TextWriter output, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        await services.MigrateAndSeedAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var seeder = ActivatorUtilities.CreateInstance<NationalSeeder>(scope.ServiceProvider);
        if (await seeder.PresentAsync(cancellationToken))
        {
            await Console.Error.WriteLineAsync($"seed-national: the national dataset ({NationalSeeder.FrameworkCode}) is already in this database; nothing was written. Use a fresh database.");
            return 1;
        }
        var db = scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seed-national: {units:N0} commune-level units × {NationalSeeder.Indicators} indicators into {(db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite")}"));
        var summary = await seeder.SeedAsync(units, progress, cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Provinces {summary.Provinces}, communes {summary.Communes:N0} in {summary.Clusters} clusters, values {summary.Values:N0}, nominations {summary.Nominations}, rewards {summary.Rewards}, writers {summary.Writers.Count}."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Published {NationalSeeder.FrameworkCode} ({summary.Communes:N0} units) in {summary.Publish.TotalSeconds:0.000} s (goal ≤ 2 s)."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Done in {stopwatch.Elapsed.TotalSeconds:0.0} s."));
        return 0;
    }
}
