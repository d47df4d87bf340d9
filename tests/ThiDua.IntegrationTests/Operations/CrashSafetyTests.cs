using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using Xunit.Abstractions;

namespace ThiDua.IntegrationTests.Operations;

/// <summary>
/// The real app in its own process is killed (SIGKILL) while four clients write; after a restart on the same database
/// every write it had acknowledged (2xx) is there, each with its audit entry, and the audit chain still verifies.
/// </summary>
[Collection(nameof(CrashSafetyTests))]
public class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Writers = 4;
    private const int AcknowledgedBeforeKill = 60;
    private const string Prefix = "CRASH-";

    [Theory, Providers]
    public async Task EveryAcknowledgedWriteSurvivesAKilledProcess(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        var files = RestoreTarget.NewFolder();
        var acknowledged = new ConcurrentBag<string>();
        var interrupted = 0;
        var elapsed = System.Diagnostics.Stopwatch.StartNew();

        await using (var first = await AppProcess.StartAsync(database, files))
        {
            output.WriteLine($"{elapsed.Elapsed.TotalSeconds:0.0} s: first start healthy");
            var token = await first.TokenAsync("admin", ThiDuaApp.Password);
            var writers = Enumerable.Range(0, Writers)
                .Select(writer => Task.Run(() => WriteUntilRefusedAsync(first, token, writer, acknowledged, () => Interlocked.Increment(ref interrupted))))
                .ToArray();
            await WaitForAsync(() => acknowledged.Count >= AcknowledgedBeforeKill || writers.Any(w => w.IsCompleted), TimeSpan.FromSeconds(30), first);
            Assert.True(writers.All(w => !w.IsCompleted), $"A writer stopped before the kill:{Environment.NewLine}{first.Output}");

            first.Kill();
            output.WriteLine($"{elapsed.Elapsed.TotalSeconds:0.0} s: killed after {acknowledged.Count} acknowledged writes");
            await Task.WhenAll(writers);
        }
        Assert.True(interrupted >= 1, "No write was cut off by the kill.");

        await using var second = await AppProcess.StartAsync(database, files);
        output.WriteLine($"{elapsed.Elapsed.TotalSeconds:0.0} s: second start healthy");
        var present = await UnitCodesAsync(database);
        var missing = acknowledged.Where(code => !present.Contains(code)).ToList();
        Assert.True(missing.Count == 0, $"Acknowledged but lost after the kill: {string.Join(", ", missing)}");
        Assert.Equal(present.Order(), (await AuditedCodesAsync(database)).Order());

        using var admin = second.Client(await second.TokenAsync("admin", ThiDuaApp.Password));
        await (await admin.PostJsonAsync("/api/v1/units", NewUnit(Prefix + "AFTER"))).JsonAsync(HttpStatusCode.Created);
        var check = await (await admin.GetAsync("/api/v1/audit/verify")).JsonAsync();
        Assert.True((bool)check["valid"]!, check.ToJsonString());
        output.WriteLine($"{elapsed.Elapsed.TotalSeconds:0.0} s: {present.Count} units present, {acknowledged.Count} acknowledged, {interrupted} writes cut off; {check.ToJsonString()}");
    }

    /// <summary>Creates units one after another until the app stops answering; keeps the code of each 201.</summary>
    private static async Task WriteUntilRefusedAsync(AppProcess app, string token, int writer, ConcurrentBag<string> acknowledged, Action onInterrupted)
    {
        using var client = app.Client(token);
        for (var n = 0; ; n++)
        {
            var code = $"{Prefix}{writer}-{n}";
            try
            {
                using var response = await client.PostJsonAsync("/api/v1/units", NewUnit(code));
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"{code}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                acknowledged.Add(code);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Refused or cut off by the kill: not acknowledged, so it may or may not be there.
                onInterrupted();
                return;
            }
        }
    }

    private static object NewUnit(string code) => new { code, name = $"Doanh nghiệp thử {code}", type = "enterprise", validFrom = "2026-01-01" };

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, AppProcess app)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Too few writes were acknowledged in {timeout.TotalSeconds} s:{Environment.NewLine}{app.Output}");
            await Task.Delay(20);
        }
    }

    private static async Task<HashSet<string>> UnitCodesAsync(TestDatabase database)
    {
        await using var db = DatabaseDigest.Open(database.Provider, database.ConnectionString);
        return (await db.Units.Where(u => u.Code.StartsWith(Prefix)).Select(u => u.Code).ToListAsync()).ToHashSet();
    }

    /// <summary>The codes of the units whose creation the audit log records: each must match a unit, and back.</summary>
    private static async Task<List<string>> AuditedCodesAsync(TestDatabase database)
    {
        await using var db = DatabaseDigest.Open(database.Provider, database.ConnectionString);
        var created = await db.AuditEntries.Where(a => a.EntityType == "Unit" && a.Action == "create" && a.After!.Contains(Prefix))
            .Select(a => a.After!).ToListAsync();
        return created.Select(after => JsonDocument.Parse(after).RootElement.GetProperty("Code").GetString()!).ToList();
    }
}

/// <summary>
/// The crash tests run two real app processes each, on a machine that may have two cores: they run alone, after the
/// parallel tests, so that a start is not slowed past its timeout by the other tests.
/// </summary>
[CollectionDefinition(nameof(CrashSafetyTests), DisableParallelization = true)]
public sealed class CrashSafetyCollection;
