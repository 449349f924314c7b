using ServicePro.Modules.Requests.Services;

namespace ServicePro.Modules.Requests.Tests.Services;

[TestClass]
public sealed class RequestRulesTests
{
    [TestMethod]
    [DataRow(RequestStatus.New, RequestStatus.InProgress)]
    [DataRow(RequestStatus.InProgress, RequestStatus.Resolved)]
    [DataRow(RequestStatus.Resolved, RequestStatus.InProgress)]
    [DataRow(RequestStatus.Resolved, RequestStatus.Closed)]
    [DataRow(RequestStatus.New, RequestStatus.Closed)]
    public void CheckStatusChange_BetweenOpenStatusesOrToClosed_Allowed(RequestStatus from, RequestStatus to) =>
        Assert.IsNull(RequestRules.CheckStatusChange(from, to, privileged: false));

    [TestMethod]
    public void CheckStatusChange_ClosedToNew_OnlyPrivileged()
    {
        Assert.AreEqual("Only a Privileged rep may reopen a closed request.", RequestRules.CheckStatusChange(RequestStatus.Closed, RequestStatus.New, privileged: false));
        Assert.IsNull(RequestRules.CheckStatusChange(RequestStatus.Closed, RequestStatus.New, privileged: true));
    }

    [TestMethod]
    [DataRow(RequestStatus.InProgress)]
    [DataRow(RequestStatus.Resolved)]
    public void CheckStatusChange_ClosedToAnythingButNew_RefusedEvenForPrivileged(RequestStatus to) =>
        StringAssert.StartsWith(RequestRules.CheckStatusChange(RequestStatus.Closed, to, privileged: true), "A closed request cannot become");

    [TestMethod]
    public void CheckStatusChange_SameStatus_Refused() =>
        Assert.AreEqual("The request is already In progress.", RequestRules.CheckStatusChange(RequestStatus.InProgress, RequestStatus.InProgress, privileged: true));

    [TestMethod]
    public void CheckTitle_Limits()
    {
        Assert.AreEqual("Enter a title.", RequestRules.CheckTitle(" "));
        Assert.IsNull(RequestRules.CheckTitle(new string('t', 200)));
        Assert.IsNull(RequestRules.CheckTitle("  " + new string('t', 200) + "  "), "surrounding spaces are trimmed");
        Assert.AreEqual("The title is too long: 201 characters, at most 200.", RequestRules.CheckTitle(new string('t', 201)));
    }

    [TestMethod]
    public void CheckNote_Limits()
    {
        Assert.AreEqual("Write a note first.", RequestRules.CheckNote(null));
        Assert.IsNull(RequestRules.CheckNote(new string('n', 10_000)));
        Assert.AreEqual("The note is too long: 10001 characters, at most 10000.", RequestRules.CheckNote(new string('n', 10_001)));
    }
}
