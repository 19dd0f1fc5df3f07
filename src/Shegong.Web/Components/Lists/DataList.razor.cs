using System.Globalization;
using AntDesign;
using AntDesign.TableModels;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Shegong.Web.Common;

namespace Shegong.Web.Components.Lists;

public sealed partial class DataList<TItem, TFilter> where TFilter : IQueryFilter<TFilter>
{
    private static readonly int[] PageSizes = [10, 20, 50, 100];

    private ListState<TFilter> state = ListState<TFilter>.Empty;
    private IReadOnlyList<TItem> rows = [];
    private int total;
    private bool loading;
    private string? error;
    private string path = "";
    private string? loadedKey;

    /// <summary>Reads one page: the same service call the API makes, with the filter, page, size and sort from the URL.</summary>
    [Parameter, EditorRequired] public Func<TFilter, PageRequest, Task<PagedResult<TItem>>> Load { get; set; } = default!;

    /// <summary>The table's columns; a sortable column's field name maps to the service's sort key (camel case, or <see cref="SortKeys"/>).</summary>
    [Parameter, EditorRequired] public RenderFragment<TItem> Columns { get; set; } = default!;

    [Parameter] public RenderFragment<DataList<TItem, TFilter>>? Filters { get; set; }
    [Parameter] public RenderFragment? Actions { get; set; }

    /// <summary>The Excel export endpoint; the link carries the filters and sort of the list on screen.</summary>
    [Parameter] public string? ExportPath { get; set; }

    /// <summary>The listed entity: the export link shows only to roles the permission table lets export it.</summary>
    [Parameter] public Type? Entity { get; set; }

    /// <summary>Column field name → service sort key, where they differ (e.g. RegionPath → region).</summary>
    [Parameter] public IReadOnlyDictionary<string, string>? SortKeys { get; set; }

    [Parameter] public string? Class { get; set; }

    /// <summary>The total line, e.g. "共 {0} 个站点"; by default "共 {0} 条".</summary>
    [Parameter] public string? TotalFormat { get; set; }

    /// <summary>The filters now in force (from the URL).</summary>
    public TFilter Value => state.Filter;

    /// <summary>
    /// The export link carries the page's language: the file speaks the language the user chose for the
    /// pages, not the one their browser asks the API for.
    /// </summary>
    public string ExportHref => ExportPath is null ? "" : QueryHelpers.AddQueryString(ExportPath, state.Filter.ToQuery()
        .Concat(state.Sort is null ? [] : [new KeyValuePair<string, string?>("sort", state.Sort)])
        .Append(new KeyValuePair<string, string?>("ui-culture", CultureInfo.CurrentUICulture.Name)));

    private string EmptyDescription => state.Filter.ToQuery().Any() ? L["ListEmptyFiltered"].Value : L["ListEmpty"].Value;

    /// <summary>Shows the list for new filters, from the first page (a new URL, so Back returns to the old filters).</summary>
    public Task Apply(TFilter filter)
    {
        if (EqualityComparer<TFilter>.Default.Equals(filter, state.Filter))
        {
            return Task.CompletedTask;
        }
        Go(state with { Filter = filter, Page = 1 });
        return Task.CompletedTask;
    }

    protected override Task OnInitializedAsync()
    {
        path = new Uri(Nav.Uri).AbsolutePath;
        Nav.LocationChanged += OnLocationChanged;
        return LoadFromUrlAsync();
    }

    private async void OnLocationChanged(object? sender, LocationChangedEventArgs args)
    {
        // Only this list's own URL: leaving for a detail page must not reload the list being left.
        if (new Uri(args.Location).AbsolutePath == path)
        {
            await InvokeAsync(LoadFromUrlAsync);
        }
    }

    /// <summary>Reads the page on screen again, e.g. after the page changed one of its rows.</summary>
    public Task ReloadAsync()
    {
        loadedKey = null;
        return LoadFromUrlAsync();
    }

    private async Task LoadFromUrlAsync()
    {
        state = ListState<TFilter>.FromUrl(Nav.Uri);
        if (state.Key == loadedKey)
        {
            return;
        }
        loadedKey = state.Key;
        loading = true;
        StateHasChanged();
        try
        {
            var result = await Load(state.Filter, PageRequest.From(state.Page, state.PageSize, state.Sort));
            (rows, total, error) = (result.Items, result.Total, null);
        }
        catch (RequestProblem problem)
        {
            (rows, total, error) = ([], 0, problem.Message);
        }
        finally
        {
            loading = false;
            StateHasChanged();
        }
    }

    private Task OnTableChangeAsync(QueryModel<TItem> query)
    {
        var column = query.SortModel.FirstOrDefault(s => s.SortDirection != SortDirection.None);
        var sort = column is null ? null
            : (column.SortDirection == SortDirection.Descending ? "-" : "") + SortKey(column.FieldName);
        if (sort != state.Sort)
        {
            Go(state with { Sort = sort, Page = 1 });
        }
        return Task.CompletedTask;
    }

    private Task OnPageAsync(PaginationEventArgs args)
    {
        var size = args.PageSize;
        Go(state with { Page = size == state.PageSize ? args.Page : 1, PageSize = size });
        return Task.CompletedTask;
    }

    private string SortKey(string field) => SortKeys is not null && SortKeys.TryGetValue(field, out var key) ? key
        : string.IsNullOrEmpty(field) ? field : char.ToLowerInvariant(field[0]) + field[1..];

    private void Go(ListState<TFilter> next) => Nav.NavigateTo(next.ToUrl(path));

    public void Dispose() => Nav.LocationChanged -= OnLocationChanged;
}
