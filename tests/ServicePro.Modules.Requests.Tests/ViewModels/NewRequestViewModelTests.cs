using Moq;
using ServicePro.Modules.Requests.Services;
using ServicePro.Modules.Requests.Tests.Support;
using ServicePro.Modules.Requests.ViewModels;

namespace ServicePro.Modules.Requests.Tests.ViewModels;

[TestClass]
public sealed class NewRequestViewModelTests
{
    private readonly Mock<IRequestService> _requests = new();

    [TestMethod]
    public async Task Load_ListsEveryUserForAssignment()
    {
        var viewModel = new NewRequestViewModel(_requests.Object, new FakeUserDirectory());

        await viewModel.LoadCommand.ExecuteAsync(null);

        CollectionAssert.AreEqual(new[] { "admin", "alice", "bob", "carol" }, viewModel.Users.ToArray());
    }

    [TestMethod]
    public async Task Save_Valid_CreatedAsTheSignedInRep()
    {
        var details = new RequestDetails(3, "VPN down", "", "", RequestStatus.New, "bob", "alice", DateTime.UtcNow, DateTime.UtcNow);
        _requests.Setup(r => r.CreateAsync(new NewRequest("VPN down", "d", "Dana", "bob"), Reps.Alice, It.IsAny<CancellationToken>()))
            .ReturnsAsync(RequestResult<RequestDetails>.Ok(details));
        var viewModel = new NewRequestViewModel(_requests.Object, new FakeUserDirectory())
        {
            User = Reps.Alice, Title = "VPN down", Description = "d", Requester = "Dana", AssignedTo = "bob",
        };

        await viewModel.SaveCommand.ExecuteAsync(null);

        Assert.AreSame(details, viewModel.Created);
        Assert.IsNull(viewModel.Error);
    }

    [TestMethod]
    public async Task Save_Refused_MessageShownAndInputKept()
    {
        _requests.Setup(r => r.CreateAsync(It.IsAny<NewRequest>(), It.IsAny<System.Security.Claims.ClaimsPrincipal>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(RequestResult<RequestDetails>.Fail("Enter a title."));
        var viewModel = new NewRequestViewModel(_requests.Object, new FakeUserDirectory()) { User = Reps.Alice, Description = "typed" };

        await viewModel.SaveCommand.ExecuteAsync(null);

        Assert.AreEqual("Enter a title.", viewModel.Error);
        Assert.IsNull(viewModel.Created);
        Assert.AreEqual("typed", viewModel.Description);
    }
}
