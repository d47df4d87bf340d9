using ThiDua.Core.Errors;
using ThiDua.Core.Rewards;
using ThiDua.Core.Units;

namespace ThiDua.UnitTests.Rewards;

public class NominationRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Theory]
    [InlineData(NomineeKind.Enterprise, UnitType.Enterprise, true)]
    [InlineData(NomineeKind.Enterprise, UnitType.Department, false)]
    [InlineData(NomineeKind.Unit, UnitType.Commune, true)]
    [InlineData(NomineeKind.Unit, UnitType.MassOrg, true)]
    [InlineData(NomineeKind.Unit, UnitType.Province, false)]
    [InlineData(NomineeKind.Unit, UnitType.Enterprise, false)]
    public void ACollectiveIsABodyOfTheProvinceAndAnEnterpriseAnEnterprise(NomineeKind kind, UnitType type, bool fits)
    {
        var check = () => NominationRules.EnsureNomineeFits(kind, type, "Đơn vị A");
        if (fits)
        {
            check();
        }
        else
        {
            Assert.Contains("unitCode", Assert.Throws<DomainException>(check).Errors.Keys);
        }
    }

    [Fact]
    public void APersonIsCleanedAndTheirGenderRead()
    {
        var person = NominationRules.CheckPerson(new NomineePerson("  Nguyễn Văn Bình ", " Phó Giám đốc ", "", new DateOnly(1978, 3, 14), "Male"), Today);

        Assert.Equal(new NomineePerson("Nguyễn Văn Bình", "Phó Giám đốc", null, new DateOnly(1978, 3, 14), "nam"), person);
        Assert.Equal("nữ", NominationRules.Gender("NU"));
        Assert.Null(NominationRules.Gender("khác"));
    }

    [Theory]
    [InlineData("", null, null, "person.fullName")]
    [InlineData("Trần Thị Hoa", "1899-12-31", null, "person.dateOfBirth")]
    [InlineData("Trần Thị Hoa", "2026-11-28", null, "person.dateOfBirth")]
    [InlineData("Trần Thị Hoa", null, "khác", "person.gender")]
    public void APersonWithoutANameOrWithAnImpossibleBirthDateOrGenderIsRefused(string name, string? born, string? gender, string field)
    {
        var person = new NomineePerson(name, null, null, born is null ? null : DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), gender);

        Assert.Contains(field, Assert.Throws<DomainException>(() => NominationRules.CheckPerson(person, Today)).Errors.Keys);
    }

    [Fact]
    public void APersonIsNamedWithTheirPositionAndOrganisationAndACollectiveByItsUnit()
    {
        Assert.Equal("Nguyễn Văn Bình, Phó Giám đốc, Sở Y tế", NominationRules.NomineeName(NomineeKind.Individual, null, "Nguyễn Văn Bình", "Phó Giám đốc", "Sở Y tế"));
        Assert.Equal("Trịnh Thị Giang", NominationRules.NomineeName(NomineeKind.Other, null, "Trịnh Thị Giang", null, " "));
        Assert.Equal("Sở Y tế", NominationRules.NomineeName(NomineeKind.Unit, "Sở Y tế", null, null, null));
    }

    [Fact]
    public void TheChairmansCertificateNeedsTheThreeDocumentsNamedInTheRefusal()
    {
        var error = Assert.Throws<DomainException>(() => NominationRules.EnsureComplete(AwardLevel.ChairmanCertificate, [DocumentKind.Proposal, DocumentKind.Other]));

        Assert.Equal(["minutes", "achievement_report"], error.Errors["documents"]);
        Assert.Contains("Biên bản họp xét duyệt", error.Message, StringComparison.Ordinal);
        NominationRules.EnsureComplete(AwardLevel.UnitCertificate, []);
    }

    [Fact]
    public void TheBoardDoesNotHandleAUnitsOwnCertificate()
    {
        NominationRules.EnsureBoardHandles(AwardLevel.ChairmanCertificate);

        Assert.Throws<DomainException>(() => NominationRules.EnsureBoardHandles(AwardLevel.UnitCertificate));
    }

    [Theory]
    [InlineData(NominationStatus.Draft, true)]
    [InlineData(NominationStatus.Returned, true)]
    [InlineData(NominationStatus.Submitted, false)]
    [InlineData(NominationStatus.Decided, false)]
    public void TheUnitEditsItsDossierOnlyWhileItIsItsOwn(NominationStatus status, bool editable)
    {
        if (editable)
        {
            NominationRules.EnsureUnitCanEdit(status);
        }
        else
        {
            Assert.Contains("bổ sung tài liệu", Assert.Throws<ConflictException>(() => NominationRules.EnsureUnitCanEdit(status, "bổ sung tài liệu")).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AFinishedDossiersChecklistIsClosed()
    {
        NominationRules.EnsureCriteriaOpen(NominationStatus.Received);

        Assert.Throws<ConflictException>(() => NominationRules.EnsureCriteriaOpen(NominationStatus.Decided));
        Assert.Throws<ConflictException>(() => NominationRules.EnsureCriteriaOpen(NominationStatus.Rejected));
    }

    [Fact]
    public void PeopleAndEnterprisesHaveAChecklistAndCollectivesNone()
    {
        Assert.Empty(RewardCriteria.For(NomineeKind.Unit));
        Assert.All([NomineeKind.Enterprise, NomineeKind.Individual, NomineeKind.Other], kind =>
            Assert.Contains(RewardCriteria.For(kind), c => c.Mandatory));
    }
}
