namespace ThiDua.Web.Infrastructure.Api;

/// <summary>The list shape of the API: <c>{items, total, page, pageSize}</c>.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public PagedList<TOut> Select<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), Total, Page, PageSize);
}

/// <summary><c>?page=&amp;pageSize=</c>: page from 1, size 50 by default and 500 at most.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    /// <summary>The first page at the largest size: what a page of the site shows of a list.</summary>
    public static readonly Paging FirstLargest = new(1, MaxSize);

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

    /// <summary>
    /// Pages a list that is computed, not read from a table — a ranking the engine scores, a calendar, the movements'
    /// fixed phases. Lists read from a table page in SQL with <see cref="PagingQueries.ToPagedListAsync{T}"/>.
    /// </summary>
    public PagedList<T> OfComputed<T>(IReadOnlyCollection<T> computed) => new(computed.Skip(Skip).Take(PageSize).ToList(), computed.Count, Page, PageSize);
}

public static class PagingQueries
{
    /// <summary>Counts and pages in the database: one COUNT and one query of at most a page of rows.</summary>
    public static async Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> query, Paging paging, CancellationToken cancellationToken = default)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = total <= paging.Skip ? [] : await query.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return new PagedList<T>(items, total, paging.Page, paging.PageSize);
    }

    /// <summary>Counts the rows of <paramref name="query"/> and projects only the page's rows with <paramref name="project"/>.</summary>
    public static async Task<PagedList<TOut>> ToPagedListAsync<T, TOut>(this IQueryable<T> query, Paging paging, Func<IQueryable<T>, IQueryable<TOut>> project, CancellationToken cancellationToken = default)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = total <= paging.Skip ? [] : await project(query.Skip(paging.Skip).Take(paging.PageSize)).ToListAsync(cancellationToken);
        return new PagedList<TOut>(items, total, paging.Page, paging.PageSize);
    }
}
