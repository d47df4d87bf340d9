using ThiDua.Data.Documents;
using ThiDua.Web.Features.Rewards;
using ThiDua.Web.Infrastructure.Documents;

namespace ThiDua.Web.Features.Documents;

/// <summary>
/// The documents of the records that have one (docs/decisions/020): a decision and a proposal to the central level are
/// issued with their record, signed; a ranking when its PDF is first asked for after publication, signed; the
/// consolidated report is a draft until the Secretariat issues it; a nomination's Tờ trình and a council's Biên bản are
/// drafts their keepers download, correct and attach.
/// </summary>
public sealed class RecordDocuments(ThiDuaDbContext db, DocumentService documents, DocumentComposer composer, CouncilService council, CurrentUser user)
{
    public async Task<(OfficialDocument Docx, OfficialDocument Pdf)> DecisionAsync(int decisionId, CancellationToken cancellationToken = default)
    {
        var decision = await db.Decisions.FirstOrDefaultAsync(d => d.Id == decisionId, cancellationToken)
            ?? throw new NotFoundException($"Không có quyết định số {decisionId}.");
        var content = await composer.DecisionAsync(decisionId, cancellationToken);
        var (docx, pdf) = await documents.IssueNewAsync(OfficialDocumentKind.Decision, $"decision:{decisionId}", decision.IssuingUnitId, content, sign: true, cancellationToken);
        if (decision.DocumentId != pdf.Id || decision.DocxDocumentId != docx.Id)
        {
            decision.DocumentId = pdf.Id;
            decision.DocxDocumentId = docx.Id;
            await db.SaveChangesAsync(cancellationToken);
        }
        return (docx, pdf);
    }

    public async Task<(OfficialDocument Docx, OfficialDocument Pdf)> StateProposalAsync(int stateProposalId, CancellationToken cancellationToken = default)
    {
        var proposal = await db.StateProposals.FirstOrDefaultAsync(p => p.Id == stateProposalId, cancellationToken)
            ?? throw new NotFoundException($"Không có tờ trình số {stateProposalId}.");
        var content = await composer.StateProposalAsync(stateProposalId, cancellationToken);
        var (docx, pdf) = await documents.IssueNewAsync(OfficialDocumentKind.StateProposal, $"state-proposal:{stateProposalId}", null, content, sign: true, cancellationToken);
        if (proposal.DocumentId != pdf.Id || proposal.DocxDocumentId != docx.Id)
        {
            proposal.DocumentId = pdf.Id;
            proposal.DocxDocumentId = docx.Id;
            await db.SaveChangesAsync(cancellationToken);
        }
        return (docx, pdf);
    }

    /// <summary>The signed ranking of a framework's latest publication: one PDF per publication, made the first time it is asked for.</summary>
    public async Task<OfficialDocument> RankingAsync(string frameworkCode, CancellationToken cancellationToken = default)
    {
        var code = frameworkCode.Trim();
        var publication = await db.ResultPublications.AsNoTracking()
            .Join(db.Frameworks, p => p.FrameworkId, f => f.Id, (p, f) => new { p.Id, p.PublishedAt, f.Code })
            .Where(p => p.Code == code)
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"Kết quả của bộ chỉ số {code} chưa được công bố.");
        var key = $"ranking:{publication.Id}";
        var existing = await db.Documents.FirstOrDefaultAsync(d => d.SourceKey == key && d.IsPdf, cancellationToken);
        if (existing is not null && existing.State == OfficialDocumentState.Issued)
        {
            return existing;
        }
        var content = await composer.RankingAsync(code, cancellationToken);
        return (await documents.IssueNewAsync(OfficialDocumentKind.Ranking, key, null, content, sign: true, cancellationToken)).Pdf;
    }

    /// <summary>The consolidated report of a movement's year (R5): its draft, or its issued PDF once the Secretariat issued it.</summary>
    public async Task<OfficialDocument> ConsolidatedReportAsync(string movementCode, int year, bool pdf, CancellationToken cancellationToken = default)
    {
        var code = movementCode.Trim();
        var draft = await documents.DraftAsync(OfficialDocumentKind.ConsolidatedReport, $"report:{code}:{year}", null,
            ct => composer.ConsolidatedReportAsync(code, year, ct), cancellationToken);
        await documents.EnsureReadableAsync(draft);
        if (!pdf)
        {
            return draft;
        }
        var issued = await db.Documents.FirstOrDefaultAsync(d => d.SourceKey == draft.SourceKey && d.IsPdf, cancellationToken);
        return issued ?? await documents.PreviewAsync(draft, cancellationToken);
    }

    /// <summary>Issues a draft report (<see cref="DocumentService.IssueAsync"/>): an uncorrected one is drafted again from the year's data with its signer.</summary>
    public async Task<OfficialDocument> IssueAsync(Guid draftId, IssueRequest request, CancellationToken cancellationToken = default)
    {
        var key = await db.Documents.AsNoTracking().Where(d => d.Id == draftId).Select(d => d.SourceKey).FirstOrDefaultAsync(cancellationToken);
        Func<CancellationToken, Task<OfficialDocumentContent>>? redraft = null;
        // "report:{movement}:{year}"
        if (key is not null && key.StartsWith("report:", StringComparison.Ordinal)
            && int.TryParse(key[(key.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var year))
        {
            var movement = key["report:".Length..key.LastIndexOf(':')];
            redraft = ct => composer.ConsolidatedReportAsync(movement, year, ct);
        }
        return await documents.IssueAsync(draftId, request, redraft, cancellationToken);
    }

    /// <summary>A closed council session's Biên bản (tallies only, never a ballot): the draft, or an unsigned PDF of its current version.</summary>
    public async Task<OfficialDocument> MinutesAsync(int sessionId, bool pdf, CancellationToken cancellationToken = default)
    {
        // Who may see the session (the Board, Admin, its members) may read its minutes.
        await council.GetAsync(sessionId, cancellationToken);
        var draft = await documents.DraftAsync(OfficialDocumentKind.Minutes, $"minutes:{sessionId}", null,
            ct => composer.MinutesAsync(sessionId, ct), cancellationToken);
        return pdf ? await documents.PreviewAsync(draft, cancellationToken) : draft;
    }

    /// <summary>A nomination's Tờ trình đề nghị khen thưởng, drafted for the proposing unit to correct and attach to its dossier.</summary>
    public async Task<OfficialDocument> ProposalAsync(int nominationId, CancellationToken cancellationToken = default)
    {
        var nomination = await db.Nominations.AsNoTracking().FirstOrDefaultAsync(n => n.Id == nominationId, cancellationToken)
            ?? throw new NotFoundException($"Không có hồ sơ số {nominationId}.");
        var scope = nomination.Scope();
        await user.EnsureVisibleAsync(scope, NominationAccess.Read, $"Không có hồ sơ số {nominationId}.");
        await user.EnsureAsync(scope, NominationAccess.Prepare, "Tờ trình do đơn vị đề nghị hoặc Ban Thi đua – Khen thưởng soạn.");
        return await documents.DraftAsync(OfficialDocumentKind.Proposal, $"proposal:{nominationId}", nomination.ProposingUnitId,
            ct => composer.ProposalAsync(nominationId, ct), cancellationToken);
    }
}
