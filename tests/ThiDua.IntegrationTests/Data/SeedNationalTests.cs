using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Data;
using ThiDua.Core.Assessment;
using ThiDua.Core.Units;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using ThiDua.Web.Data.Seed;
using ThiDua.Web.Infrastructure.Operations;

namespace ThiDua.IntegrationTests.Data;

/// <summary><c>seed-national</c> with a small number of communes: the promised shape on either database, and a refusal the second time.</summary>
public class SeedNationalTests
{
    private const int Communes = 60;

    [Theory, Providers]
    public async Task SeedsTheNationalDatasetOnceAndItsWritersCanSaveTheirDrafts(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var output = new StringWriter();

        var code = await SeedNationalCommand.RunAsync(app.Services, Communes, new ProgressBar(output, redraw: false), output);

        Assert.True(code == 0, output.ToString());
        Assert.Contains("100 %  assessments 60/60", output.ToString());
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>();
            var provinces = await db.Units.Where(u => u.Type == UnitType.Province).Select(u => u.Code).ToListAsync();
            Assert.Equal(34, provinces.Count);
            Assert.Contains("QN-22", provinces); // Quảng Ninh is the province the app already knows
            var provinceIds = await db.Units.Where(u => u.Type == UnitType.Province).Select(u => u.Id).ToListAsync();
            var communes = await db.Units.Where(u => u.Code.StartsWith(NationalSeeder.CodePrefix) && u.Type == UnitType.Commune).ToListAsync();
            Assert.Equal(Communes, communes.Count);
            Assert.All(communes, c => Assert.Contains(c.ParentId!.Value, provinceIds));
            Assert.Equal(34, communes.Select(c => c.ParentId).Distinct().Count());
            Assert.Contains(communes, c => c.Subtype == "ward");
            Assert.Contains(communes, c => c.Subtype == "commune");

            var members = await db.ClusterMembers.Where(m => m.Cluster.Year == NationalSeeder.Year && m.Cluster.Code.StartsWith("CUM-XA-"))
                .Select(m => new { m.UnitId, m.Cluster.Code }).ToListAsync();
            Assert.Equal(communes.Select(c => c.Id).Order(), members.Select(m => m.UnitId).Order());
            Assert.Equal(34, members.Select(m => m.Code).Distinct().Count());

            var framework = await db.Frameworks.SingleAsync(f => f.Code == NationalSeeder.FrameworkCode);
            var definition = ThiDua.Web.Features.Assessment.FrameworkService.Deserialize(framework.DefinitionJson);
            Assert.Equal(300, definition.Indicators().Count());
            Assert.Equal(9, definition.Groups.Count);
            Assert.Equal(1000, framework.ScaleMax);
            Assert.Equal(7, definition.Indicators().Select(i => i.Indicator.Rule.Kind).Distinct().Count());

            var assessments = await db.Assessments.Where(a => a.FrameworkId == framework.Id)
                .Select(a => new { a.Status, Values = a.Values.Count, Accepted = a.Values.Count(v => v.Decision == AppraisalDecision.Accepted && v.AppraisedRaw == v.SelfRaw) })
                .ToListAsync();
            Assert.Equal(Communes, assessments.Count);
            Assert.All(assessments, a => Assert.Equal((AssessmentStatus.Appraised, 300, 300), (a.Status, a.Values, a.Accepted)));

            var publication = await db.ResultPublications.SingleAsync(p => p.FrameworkId == framework.Id);
            Assert.Equal(Communes, publication.UnitCount);

            // Each province's best commune at least is proposed and rewarded by a decision of the Chairman.
            var rewards = await db.Rewards.Where(r => r.Unit!.Code.StartsWith(NationalSeeder.CodePrefix)).Select(r => r.NominationId).ToListAsync();
            var nominations = await db.Nominations.Where(n => n.NomineeUnit!.Code.StartsWith(NationalSeeder.CodePrefix)).ToListAsync();
            Assert.Equal(34, rewards.Count);
            Assert.True(nominations.Count >= rewards.Count);
            Assert.All(rewards, id => Assert.Equal(ThiDua.Core.Rewards.NominationStatus.Decided, nominations.Single(n => n.Id == id).Status));
        }

        // The public ranking serves every commune, and a writer saves its own draft (and only that one).
        var open = await (await app.CreateClient().GetAsync($"/api/open/v1/results?frameworkCode={NationalSeeder.FrameworkCode}&pageSize=500")).JsonAsync();
        Assert.Equal(Communes, open["items"]!.AsArray().Count);
        var writer = await app.ClientAsync(NationalSeeder.WriterUserName(1));
        var own = await (await writer.GetAsync($"/api/v1/assessments?frameworkCode={NationalSeeder.DraftFrameworkCode}")).JsonAsync();
        var draft = Assert.Single(own["items"]!.AsArray())!;
        Assert.Equal("draft", (string?)draft["status"]);
        var id = (int)draft["id"]!;
        var saved = await (await writer.PutJsonAsync($"/api/v1/assessments/{id}/values", new[] { new { indicatorCode = "CS1.01", value = (object)false } })).JsonAsync();
        Assert.Equal(300, saved["values"]!.AsArray().Count(v => v!["value"] is not null));
        var other = await app.ClientAsync(NationalSeeder.WriterUserName(2));
        await (await other.PutJsonAsync($"/api/v1/assessments/{id}/values", new[] { new { indicatorCode = "CS1.01", value = (object)true } })).ProblemAsync(HttpStatusCode.NotFound);

        var again = new StringWriter();
        Assert.Equal(1, await SeedNationalCommand.RunAsync(app.Services, Communes, new ProgressBar(again, redraw: false), again));
        using var check = app.Services.CreateScope();
        Assert.Equal(Communes, await check.ServiceProvider.GetRequiredService<ThiDuaDbContext>().Units.CountAsync(u => u.Code.StartsWith(NationalSeeder.CodePrefix) && u.Type == UnitType.Commune));
    }

    [Fact]
    public void ThePlanKeepsTheRealCountsAtFullScaleAndEveryProvinceWithFewerUnits()
    {
        var provinces = NationalSeeder.ReadProvinces();
        Assert.Equal(34, provinces.Count);
        Assert.Equal(3321, provinces.Sum(p => p.Total));
        Assert.Equal(13, provinces.Sum(p => p.SpecialZones));

        var full = NationalSeeder.Plan(provinces, 3321);
        Assert.Equal(3321, full.Select(p => p.Code).Distinct().Count());
        Assert.All(provinces, p => Assert.Equal(p.Total, full.Count(x => x.Province == p)));
        Assert.All(provinces, p => Assert.Equal(p.SpecialZones, full.Count(x => x.Province == p && x.Name.StartsWith("Đặc khu", StringComparison.Ordinal))));
        Assert.Equal(168, full.Count(x => x.Province.Name == "Thành phố Hồ Chí Minh"));

        var small = NationalSeeder.Plan(provinces, 60);
        Assert.Equal(60, small.Count);
        Assert.All(provinces, p => Assert.Contains(small, x => x.Province == p));
    }
}
