using Microsoft.AspNetCore.Http.HttpResults;
using ThiDua.Core.Rewards;
using ThiDua.Core.Text;

namespace ThiDua.Web.Features.Rewards;

/// <summary>The rules in force (API.md "Rules in force"): dated reward rule sets, standing councils, state-award proposals and central decisions.</summary>
public static class RulesApi
{
    public static IEndpointRouteBuilder MapRulesApi(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/v1/reward-rules").WithTags("Rules");
        rules.MapGet("/", ValidOn).RequireAuthorization(Policies.SignedIn)
            .WithSummary("?award=&date=: the rule set valid on that date (today by default); without award, one per award.");
        rules.MapGet("/history", History).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Every version of every award's rules, with its validity and legal source.");
        rules.MapPost("/", AddRules).RequireAuthorization(Policies.RewardBoard)
            .WithSummary("Adds a dated version; the version in force before it ends the day before.");

        var councils = app.MapGroup("/api/v1/councils").WithTags("Rules");
        councils.MapPost("/", CreateCouncil).RequireAuthorization(Policies.RewardBoard)
            .WithSummary("{code, name, issuingUnitCode, establishedBy:{number, date}, termFrom, termTo?, memberUserNames}: a standing council.");
        councils.MapGet("/", Councils).RequireAuthorization(Policies.Council);

        app.MapPost("/api/v1/state-proposals", Propose).WithTags("Rules").RequireAuthorization(Policies.RewardBoard)
            .WithSummary("{date, signerName, signerTitle, nominationIds}: the province's Tờ trình of state awards; the nominations become proposed.");
        app.MapPost("/api/v1/nominations/{id:int}/central-decision", CentralDecision).WithTags("Rules").RequireAuthorization(Policies.RewardBoard)
            .WithSummary("{number, date, issuer, granted}: the President's or the Prime Minister's decision; a granted award enters the history under that issuer.");
        return app;
    }

    private static async Task<Ok<object>> ValidOn(RewardRulesService service, string? award, DateOnly? date, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(award))
        {
            return TypedResults.Ok<object>(await service.ValidOnAsync(null, date, ct));
        }
        return TypedResults.Ok<object>((await service.ValidOnAsync(ApiCodes.Parse<AwardLevel>(award, "award"), date, ct))[0]);
    }

    private static async Task<Ok<IReadOnlyList<RewardRuleDto>>> History(RewardRulesService service, CancellationToken ct) =>
        TypedResults.Ok(await service.HistoryAsync(ct));

    private static async Task<Created<RewardRuleDto>> AddRules(RewardRulesService service, RewardRuleRequest request, CancellationToken ct)
    {
        var set = await service.AddAsync(request, ct);
        return TypedResults.Created($"/api/v1/reward-rules?award={ApiCodes.Code(set.Award)}&date={set.ValidFrom:yyyy-MM-dd}", set);
    }

    private static async Task<Created<CouncilDto>> CreateCouncil(CouncilRegistryService service, CouncilRequest request, CancellationToken ct)
    {
        var council = await service.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/councils/{council.Code}", council);
    }

    private static async Task<Ok<IReadOnlyList<CouncilDto>>> Councils(CouncilRegistryService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(ct));

    private static async Task<Created<StateProposalDto>> Propose(StateProposalService service, Documents.RecordDocuments documents, StateProposalRequest request, CancellationToken ct)
    {
        var proposal = await service.ProposeAsync(request, ct);
        var (docx, pdf) = await documents.StateProposalAsync(proposal.Id, ct);
        proposal = proposal with { DocumentId = pdf.Id, DocxDocumentId = docx.Id };
        return TypedResults.Created($"/api/v1/state-proposals/{proposal.Id}", proposal);
    }

    private static async Task<Ok<NominationDto>> CentralDecision(StateProposalService service, NominationService nominations, int id, CentralDecisionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await service.RecordCentralDecisionAsync(id, request, nominations, ct));
}
