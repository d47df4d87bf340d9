using ThiDua.Core.Errors;

namespace ThiDua.Web.Infrastructure.Api;

/// <summary>The list shape of the API: <c>{items, total, page, pageSize}</c>.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary><c>?page=&amp;pageSize=</c>: page from 1, size 50 by default and 500 at most.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    public int Skip => (Page - 1) * PageSize;

    public static Paging From(int? page, int? pageSize)
    {
        var p = page ?? 1;
        var s = pageSize ?? DefaultSize;
        if (p < 1)
        {
            throw DomainException.ForField("page", "page phải từ 1 trở lên.");
        }
        if (s < 1 || s > MaxSize)
        {
            throw DomainException.ForField("pageSize", $"pageSize phải từ 1 đến {MaxSize}.");
        }
        return new Paging(p, s);
    }

    public PagedList<T> Apply<T>(IReadOnlyCollection<T> all) => new(all.Skip(Skip).Take(PageSize).ToList(), all.Count, Page, PageSize);
}
