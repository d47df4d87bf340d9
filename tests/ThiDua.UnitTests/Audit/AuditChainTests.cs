using ThiDua.Core.Audit;

namespace ThiDua.UnitTests.Audit;

public class AuditChainTests
{
    private static List<(AuditRecord Record, string PreviousHash, string Hash)> Chain(int length)
    {
        var chain = new List<(AuditRecord, string, string)>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= length; i++)
        {
            var record = new AuditRecord(i, new DateTime(2025, 12, 1, 8, 0, i, DateTimeKind.Utc), "thuongtruc", "update", "Unit", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "{\"Name\":\"A\"}", "{\"Name\":\"B\"}");
            var hash = AuditChain.Hash(previous, record);
            chain.Add((record, previous, hash));
            previous = hash;
        }
        return chain;
    }

    [Fact]
    public void AnUntouchedChainVerifies()
    {
        var check = AuditChain.Verify(Chain(5));

        Assert.True(check.Valid);
        Assert.Equal(5, check.Checked);
    }

    [Fact]
    public void ChangingAStoredValueBreaksTheChainAtThatEntry()
    {
        var chain = Chain(5);
        chain[2] = (chain[2].Record with { After = "{\"Name\":\"C\"}" }, chain[2].PreviousHash, chain[2].Hash);

        var check = AuditChain.Verify(chain);

        Assert.False(check.Valid);
        Assert.Equal(3, check.FirstBrokenSequence);
    }

    [Fact]
    public void RemovingAnEntryBreaksTheLink()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);

        var check = AuditChain.Verify(chain);

        Assert.False(check.Valid);
        Assert.Equal(3, check.FirstBrokenSequence);
    }

    [Fact]
    public void FieldBoundariesCannotBeShifted()
    {
        var a = new AuditRecord(1, DateTime.UnixEpoch, "ab", "c", "E", "1", null, null);
        var b = new AuditRecord(1, DateTime.UnixEpoch, "a", "bc", "E", "1", null, null);

        Assert.NotEqual(AuditChain.Hash(AuditChain.Genesis, a), AuditChain.Hash(AuditChain.Genesis, b));
    }

    [Fact]
    public void NullAndEmptyAreDifferent()
    {
        var a = new AuditRecord(1, DateTime.UnixEpoch, null, "create", "E", "1", null, "{}");
        var b = a with { UserName = "" };

        Assert.NotEqual(AuditChain.Hash(AuditChain.Genesis, a), AuditChain.Hash(AuditChain.Genesis, b));
    }
}
