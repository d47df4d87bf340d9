using System.Net;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Rewards;

/// <summary>The documents of a nomination: typed, checked, versioned, and closed once submitted.</summary>
public class DossierTests
{
    /// <summary>Uploads another proposal; returns the version it became.</summary>
    private static async Task<int> UploadSecondProposalAsync(HttpClient reporter, int id) =>
        (int)(await (await UploadAsync(reporter, id, "proposal", Pdf("To trinh ban 2"), "to-trinh-2.pdf")).JsonAsync(HttpStatusCode.Created))["versionNumber"]!;

    /// <summary>Sở Y tế's reporter uploads a file to a new draft of the unit.</summary>
    private static async Task<HttpResponseMessage> UploadToADraftAsync(ThiDuaApp app, string kind, byte[] content, string fileName, string contentType = "application/octet-stream")
    {
        var reporter = await app.ClientAsync("soyte.baocao");
        return await UploadAsync(reporter, await DraftAsync(reporter, Health), kind, content, fileName, contentType);
    }

    /// <summary>Sở Y tế's draft with its three documents.</summary>
    private static async Task<int> CompleteDraftAsync(HttpClient reporter)
    {
        var id = await DraftAsync(reporter, Health);
        await UploadDossierAsync(reporter, id);
        return id;
    }

    [Theory, Providers]
    public async Task AnUploadedFileKeepsOnlyItsOwnName(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var proposal = await (await UploadToADraftAsync(app, "proposal", Pdf("To trinh ban 1"), "../../etc/to-trinh.pdf")).JsonAsync(HttpStatusCode.Created);

        Assert.Equal("to-trinh.pdf", (string?)proposal["file"]!["fileName"]);
    }

    [Theory, Providers]
    public async Task AFileWhoseContentIsNotOfItsTypeIsRefused(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var response = await UploadToADraftAsync(app, "proposal", "Không phải PDF"u8.ToArray(), "gia-mao.pdf", "application/pdf");

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory, Providers]
    public async Task AnUnknownKindOfDocumentIsRefused(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var response = await UploadToADraftAsync(app, "invoice", Pdf("x"), "x.pdf");

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task AnotherUnitDoesNotAddToTheDossier(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var id = await DraftAsync(await app.ClientAsync("soyte.baocao"), Health);

        var response = await UploadAsync(await app.ClientAsync("baichay.lanhdao"), id, "minutes", Pdf("x"), "x.pdf");

        // Another unit's dossier answers as a missing one (security issue), not 403.
        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task ASecondFileOfAKindIsItsNextVersionAndTheFirstIsKept(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var reporter = await app.ClientAsync("soyte.baocao");
        var id = await CompleteDraftAsync(reporter);

        var version = await UploadSecondProposalAsync(reporter, id);

        Assert.Equal(2, version);
        var documents = (await (await reporter.GetAsync($"/api/v1/nominations/{id}")).JsonAsync())["documents"]!.AsArray();
        Assert.Equal([2, 1], documents.Where(d => (string?)d!["kind"] == "proposal").Select(d => (int)d!["versionNumber"]!));
    }

    [Theory, Providers]
    public async Task TheLeaderSubmitsTheWholeDossierWithEveryVersionAndItsChecksum(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var staff = await HealthStaffAsync(app);
        var id = await CompleteDraftAsync(staff.Reporter);
        await UploadSecondProposalAsync(staff.Reporter, id);

        var submitted = await SubmitAsync(staff.Leader, id);

        Assert.Equal("submitted", (string?)submitted["status"]);
        var documents = submitted["documents"]!.AsArray();
        Assert.Equal(4, documents.Count);
        Assert.Equal([2, 1], documents.Where(d => (string?)d!["kind"] == "proposal").Select(d => (int)d!["versionNumber"]!));
        Assert.All(documents, d => Assert.Matches("^[0-9a-f]{64}$", (string?)d!["file"]!["sha256"]));
        Assert.Empty(submitted["missingDocuments"]!.AsArray());
    }

    [Theory, Providers]
    public async Task ASubmittedDossierTakesNoMoreFiles(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var (staff, id) = await HealthSubmittedAsync(app);

        var response = await UploadAsync(staff.Reporter, id, "other", Pdf("x"), "x.pdf");

        await response.ProblemAsync(HttpStatusCode.Conflict);
    }
}
