using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Data;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Assessment.AssessmentTestData;

namespace ThiDua.IntegrationTests.Assessment;

/// <summary>A save writes only the values that change: a repeated form costs no write, a change is audited from old to new.</summary>
public class SelfAssessmentSaveTests
{
    private static async Task<(int Audits, Dictionary<string, int> Versions, int AssessmentVersion)> StateAsync(ThiDuaApp app, int id)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>();
        var audits = await db.AuditEntries.CountAsync(a => a.EntityType == "AssessmentValue" || a.EntityType == "UnitAssessment" || a.EntityType == "AssessmentEvidence");
        var versions = await db.AssessmentValues.Where(v => v.AssessmentId == id).ToDictionaryAsync(v => v.IndicatorCode, v => v.Version);
        var version = await db.Assessments.Where(a => a.Id == id).Select(a => a.Version).SingleAsync();
        return (audits, versions, version);
    }

    [Theory, Providers]
    public async Task ASaveRepeatingTheSameValuesWritesNothingAndAChangedValueIsAuditedWithOldAndNew(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var reporter = await app.ClientAsync("baichay.baocao");
        var id = await CreateAsync(reporter);
        var evidence = await UploadPdfAsync(reporter);
        var first = await (await reporter.PutJsonAsync($"/api/v1/assessments/{id}/values", BaiChayValues(evidence))).JsonAsync();
        var before = await StateAsync(app, id);

        // The same form again: the same answer, no audit entry, no version moves.
        var again = await (await reporter.PutJsonAsync($"/api/v1/assessments/{id}/values", BaiChayValues(evidence))).JsonAsync();
        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        var after = await StateAsync(app, id);
        Assert.Equal(before.Audits, after.Audits);
        Assert.Equal(before.Versions, after.Versions);
        Assert.Equal(before.AssessmentVersion, after.AssessmentVersion);

        // One value changed: only it is written, audited with its old and new value; the answer is what a fresh read gives.
        var values = System.Text.Json.JsonSerializer.SerializeToNode(BaiChayValues(evidence))!.AsArray();
        values.Single(v => (string?)v!["indicatorCode"] == "NT1.3")!["value"] = 30;
        var changed = await (await reporter.PutJsonAsync($"/api/v1/assessments/{id}/values", values)).JsonAsync();
        Assert.Equal(before.AssessmentVersion + 1, (int)changed["version"]!);
        var fresh = await (await reporter.GetAsync($"/api/v1/assessments/{id}")).JsonAsync();
        Assert.Equal(fresh.ToJsonString(), changed.ToJsonString());
        var state = await StateAsync(app, id);
        Assert.Equal(before.Versions["NT1.3"] + 1, state.Versions["NT1.3"]);
        Assert.All(state.Versions.Where(v => v.Key != "NT1.3"), v => Assert.Equal(before.Versions[v.Key], v.Value));
        Assert.Equal(before.Audits + 2, state.Audits); // the value and the assessment's version

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>();
        var valueId = await db.AssessmentValues.Where(v => v.AssessmentId == id && v.IndicatorCode == "NT1.3").Select(v => v.Id).SingleAsync();
        var audit = await db.AuditEntries.Where(a => a.EntityType == "AssessmentValue" && a.EntityKey == valueId.ToString() && a.Action == "update")
            .OrderByDescending(a => a.Sequence).FirstAsync();
        Assert.Contains("\"SelfRaw\":15", audit.Before);
        Assert.Contains("\"SelfRaw\":30", audit.After);

        // The concurrency rule is unchanged: an old version is refused.
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{id}/values") { Content = System.Net.Http.Json.JsonContent.Create(values) };
        stale.Headers.TryAddWithoutValidation("If-Match", $"\"{before.AssessmentVersion}\"");
        await (await reporter.SendAsync(stale)).ProblemAsync(HttpStatusCode.Conflict);
    }
}
