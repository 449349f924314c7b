using Moq;
using ServicePro.Modules.Requests.Services;
using ServicePro.Modules.Requests.Tests.Support;
using ServicePro.Modules.Requests.ViewModels;

namespace ServicePro.Modules.Requests.Tests.ViewModels;

[TestClass]
public sealed class RequestsTileViewModelTests
{
    [TestMethod]
    public async Task Load_CountsForTheSignedInRep()
    {
        var requests = new Mock<IRequestService>();
        requests.Setup(r => r.GetTileSummaryAsync(Reps.Bob, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RequestTileSummary([], new Dictionary<RequestStatus, int> { [RequestStatus.InProgress] = 3 }));
        var viewModel = new RequestsTileViewModel(requests.Object) { User = Reps.Bob };

        await viewModel.LoadCommand.ExecuteAsync(null);

        Assert.AreEqual(3, viewModel.CountOf(RequestStatus.InProgress));
        Assert.AreEqual(0, viewModel.CountOf(RequestStatus.New));
    }
}
