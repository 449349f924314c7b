using System.Security.Claims;
using Moq;
using ServicePro.Modules.Requests.Services;
using ServicePro.Modules.Requests.Tests.Support;
using ServicePro.Modules.Requests.ViewModels;
using Kinds = ServicePro.Modules.Requests.RequestsConstants.ActivityKinds;

namespace ServicePro.Modules.Requests.Tests.ViewModels;

[TestClass]
public sealed class RequestDetailsViewModelTests
{
    private static readonly RequestDetails Request = new(4, "VPN down", "", "", RequestStatus.New, null, "alice", DateTime.UtcNow, DateTime.UtcNow);
    private static readonly ActivityView Created = new(1, Kinds.Created, DateTime.UtcNow.AddMinutes(-2), "alice", null, null, null, null);
    private static readonly ActivityView Status = new(2, Kinds.Status, DateTime.UtcNow, "bob", null, "New", "InProgress", null);

    private readonly Mock<IRequestService> _requests = new();

    private RequestDetailsViewModel ViewModel(ClaimsPrincipal user)
    {
        _requests.Setup(r => r.FindAsync(4, It.IsAny<CancellationToken>())).ReturnsAsync(Request);
        _requests.Setup(r => r.GetActivityAsync(4, user, It.IsAny<CancellationToken>())).ReturnsAsync([Created, Status]);
        return new RequestDetailsViewModel(_requests.Object, new FakeUserDirectory()) { User = user };
    }

    [TestMethod]
    public async Task Load_NewestFirstByDefault_ToggleShowsOldestFirst()
    {
        var viewModel = ViewModel(Reps.Alice);

        await viewModel.LoadAsync(4, default);
        CollectionAssert.AreEqual(new[] { Status, Created }, viewModel.Activity.ToArray());

        viewModel.ToggleOrderCommand.Execute(null);
        Assert.IsFalse(viewModel.NewestFirst);
        CollectionAssert.AreEqual(new[] { Created, Status }, viewModel.Activity.ToArray());
    }

    [TestMethod]
    public async Task Load_UnknownNumber_NotFound()
    {
        _requests.Setup(r => r.FindAsync(99, It.IsAny<CancellationToken>())).ReturnsAsync((RequestDetails?)null);
        var viewModel = new RequestDetailsViewModel(_requests.Object, new FakeUserDirectory()) { User = Reps.Alice };

        await viewModel.LoadAsync(99, default);

        Assert.IsTrue(viewModel.NotFound);
        Assert.IsEmpty(viewModel.Activity);
        _requests.Verify(r => r.GetActivityAsync(It.IsAny<int>(), It.IsAny<ClaimsPrincipal>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [TestMethod]
    public async Task ChangeStatus_AsTheSignedInRep_ThenReloads()
    {
        var viewModel = ViewModel(Reps.Bob);
        await viewModel.LoadAsync(4, default);
        _requests.Setup(r => r.ChangeStatusAsync(4, RequestStatus.InProgress, Reps.Bob, It.IsAny<CancellationToken>()))
            .ReturnsAsync(RequestResult<RequestDetails>.Ok(Request with { Status = RequestStatus.InProgress }));

        await viewModel.ChangeStatusAsync("InProgress", default);

        Assert.IsNull(viewModel.Error);
        _requests.Verify(r => r.FindAsync(4, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [TestMethod]
    public async Task ChangeStatus_Refused_ErrorShownAndPickerReset()
    {
        var viewModel = ViewModel(Reps.Alice);
        await viewModel.LoadAsync(4, default);
        var version = viewModel.Version;
        _requests.Setup(r => r.ChangeStatusAsync(4, RequestStatus.New, Reps.Alice, It.IsAny<CancellationToken>()))
            .ReturnsAsync(RequestResult<RequestDetails>.Fail("Only a Privileged rep may reopen a closed request."));

        await viewModel.ChangeStatusAsync("New", default);

        Assert.AreEqual("Only a Privileged rep may reopen a closed request.", viewModel.Error);
        Assert.IsGreaterThan(version, viewModel.Version, "the picker is drawn again with the stored status");
    }

    [TestMethod]
    public async Task ChangeStatus_NotAStatus_RefusedWithoutAsking()
    {
        var viewModel = ViewModel(Reps.Alice);
        await viewModel.LoadAsync(4, default);

        await viewModel.ChangeStatusAsync("Exploded", default);

        Assert.AreEqual("That is not a status.", viewModel.Error);
        _requests.Verify(r => r.ChangeStatusAsync(It.IsAny<int>(), It.IsAny<RequestStatus>(), It.IsAny<ClaimsPrincipal>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [TestMethod]
    public async Task AddNote_Added_BoxCleared()
    {
        var viewModel = ViewModel(Reps.Alice);
        await viewModel.LoadAsync(4, default);
        viewModel.NoteText = "Called back";
        _requests.Setup(r => r.AddNoteAsync(4, "Called back", Reps.Alice, It.IsAny<CancellationToken>())).ReturnsAsync(RequestResult<RequestDetails>.Ok(Request));

        await viewModel.AddNoteCommand.ExecuteAsync(null);

        Assert.AreEqual(string.Empty, viewModel.NoteText);
    }

    [TestMethod]
    public async Task AddNote_Refused_TextKept()
    {
        var viewModel = ViewModel(Reps.Alice);
        await viewModel.LoadAsync(4, default);
        var tooLong = new string('n', 10_001);
        viewModel.NoteText = tooLong;
        _requests.Setup(r => r.AddNoteAsync(4, tooLong, Reps.Alice, It.IsAny<CancellationToken>()))
            .ReturnsAsync(RequestResult<RequestDetails>.Fail("The note is too long: 10001 characters, at most 10000."));

        await viewModel.AddNoteCommand.ExecuteAsync(null);

        Assert.AreEqual("The note is too long: 10001 characters, at most 10000.", viewModel.NoteError);
        Assert.IsNull(viewModel.Error, "the note's message is shown beside the note box, not at the top");
        Assert.AreEqual(tooLong, viewModel.NoteText, "nothing the rep wrote is lost");
    }

    [TestMethod]
    public async Task Assign_ToUser_AsTheSignedInRep()
    {
        var viewModel = ViewModel(Reps.Alice);
        await viewModel.LoadAsync(4, default);
        _requests.Setup(r => r.AssignAsync(4, "carol", Reps.Alice, It.IsAny<CancellationToken>())).ReturnsAsync(RequestResult<RequestDetails>.Ok(Request with { AssignedTo = "carol" }));

        await viewModel.AssignAsync("carol", default);

        _requests.Verify(r => r.AssignAsync(4, "carol", Reps.Alice, It.IsAny<CancellationToken>()));
        Assert.IsNull(viewModel.Error);
    }
}
