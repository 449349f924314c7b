using Microsoft.Data.Sqlite;
using Moq;
using ServicePro.Modules.Requests.Services;
using ServicePro.Modules.Requests.ViewModels;

namespace ServicePro.Modules.Requests.Tests.ViewModels;

[TestClass]
public sealed class RequestListViewModelTests
{
    private readonly Mock<IRequestService> _requests = new();

    private static PagedRequests PageOf(int index, int total, int size = 2) =>
        new([new RequestSummary(total - (index * size), "t", "r", RequestStatus.New, null, DateTime.UtcNow)], total, index, size);

    [TestMethod]
    public async Task Search_PassesTextAndStatus_FromFirstPage()
    {
        _requests.Setup(r => r.ListAsync(It.IsAny<RequestQuery>(), It.IsAny<CancellationToken>())).ReturnsAsync(PageOf(0, 1));
        var viewModel = new RequestListViewModel(_requests.Object) { FilterText = "printer" };

        await viewModel.SetStatusFilterAsync("InProgress", default);

        _requests.Verify(r => r.ListAsync(new RequestQuery("printer", RequestStatus.InProgress, 0, RequestsConstants.DefaultPageSize), It.IsAny<CancellationToken>()));
        Assert.AreEqual(RequestStatus.InProgress, viewModel.StatusFilter);
    }

    [TestMethod]
    public async Task SetStatusFilter_Empty_AllStatuses()
    {
        _requests.Setup(r => r.ListAsync(It.IsAny<RequestQuery>(), It.IsAny<CancellationToken>())).ReturnsAsync(PageOf(0, 1));
        var viewModel = new RequestListViewModel(_requests.Object) { StatusFilter = RequestStatus.Closed };

        await viewModel.SetStatusFilterAsync("", default);

        Assert.IsNull(viewModel.StatusFilter);
    }

    [TestMethod]
    public async Task NextAndPrevious_FollowThePages_AndAreDisabledAtTheEnds()
    {
        _requests.Setup(r => r.ListAsync(It.Is<RequestQuery>(q => q.PageIndex == 0), It.IsAny<CancellationToken>())).ReturnsAsync(PageOf(0, 3));
        _requests.Setup(r => r.ListAsync(It.Is<RequestQuery>(q => q.PageIndex == 1), It.IsAny<CancellationToken>())).ReturnsAsync(PageOf(1, 3));
        var viewModel = new RequestListViewModel(_requests.Object) { PageSize = 2 };

        await viewModel.SearchCommand.ExecuteAsync(null);
        Assert.IsFalse(viewModel.PreviousPageCommand.CanExecute(null));
        Assert.IsTrue(viewModel.NextPageCommand.CanExecute(null));

        await viewModel.NextPageCommand.ExecuteAsync(null);
        Assert.AreEqual(1, viewModel.Page.PageIndex);
        Assert.IsFalse(viewModel.NextPageCommand.CanExecute(null));
        Assert.IsTrue(viewModel.PreviousPageCommand.CanExecute(null));
    }

    [TestMethod]
    public async Task Search_FilterTooLong_ClearErrorAndNoQuery()
    {
        var viewModel = new RequestListViewModel(_requests.Object) { FilterText = new string('x', 201) };

        await viewModel.SearchCommand.ExecuteAsync(null);

        Assert.AreEqual("The filter is too long: at most 200 characters.", viewModel.Error);
        _requests.Verify(r => r.ListAsync(It.IsAny<RequestQuery>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [TestMethod]
    public async Task Search_DatabaseFails_ErrorShownAndPageKept()
    {
        _requests.Setup(r => r.ListAsync(It.IsAny<RequestQuery>(), It.IsAny<CancellationToken>())).ThrowsAsync(new SqliteException("disk I/O error", 10));
        var viewModel = new RequestListViewModel(_requests.Object);

        await viewModel.SearchCommand.ExecuteAsync(null);

        StringAssert.StartsWith(viewModel.Error, "The requests could not be loaded:");
        Assert.AreSame(PagedRequests.Empty, viewModel.Page);
    }
}
