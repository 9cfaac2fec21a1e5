using CollectifLive.Testing;
using CollectifLive.Web.State;
using CollectifLive.Web.Tests.Support;
using CollectifLive.Workshops;
using Microsoft.Extensions.Logging.Abstractions;

namespace CollectifLive.Web.Tests.State;

/// <summary>Who the browser is in a workshop: a join makes one participant whose key the browser keeps; leaving forgets it.</summary>
[Collection(ClusterCollection.Name)]
public class JoinIdentityTests(TestClusterFixture fixture)
{
    private static StoreRecorder Phone(TestWorkshop workshop, FakeBrowserStorage browser, WorkshopSessionState state)
    {
        var identity = new JoinIdentity(
            workshop.Gateway,
            browser,
            new CircuitClient { Current = TestWorkshop.NewClient() },
            new FeedFollowing(workshop.Feeds),
            new CommandRetries(workshop.Gateway, TimeProvider.System),
            NullLogger.Instance);
        return new StoreRecorder(identity, state);
    }

    private static WorkshopSessionState JoinForm(TestWorkshop workshop, Guid operation) =>
        WorkshopSessionState.Initial with { Status = SessionStatus.NeedsJoin, WorkshopId = workshop.Id, JoinOperation = operation };

    [Fact]
    public async Task A_join_keeps_the_participant_key_in_the_browser_and_opens_the_workshop_with_it()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        var browser = new FakeBrowserStorage();
        var phone = Phone(workshop, browser, JoinForm(workshop, Guid.NewGuid()));

        phone.Dispatch(new JoinRequested("Amina", Presence.Room, workshop.JoinCode));

        var open = await phone.UntilReduced<OpenWorkshop>("the workshop to be opened with the new key");
        Assert.Equal(Audience.Participants, open.Audience);
        Assert.Equal(open.Credential!.ToParticipantToken(), browser.Item(BrowserStorage.ParticipantKey(workshop.Id)));
        Assert.Equal("Amina", (await workshop.Own(open.Credential)).Me.DisplayName);
    }

    [Fact]
    public async Task A_join_sent_again_with_its_operation_makes_one_participant()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        var operation = Guid.NewGuid();
        var first = Phone(workshop, new FakeBrowserStorage(), JoinForm(workshop, operation));
        var again = Phone(workshop, new FakeBrowserStorage(), JoinForm(workshop, operation));

        first.Dispatch(new JoinRequested("Amina", Presence.Room, workshop.JoinCode));
        var one = await first.UntilReduced<OpenWorkshop>("the first answer");
        again.Dispatch(new JoinRequested("Amina", Presence.Room, workshop.JoinCode));
        var other = await again.UntilReduced<OpenWorkshop>("the second answer");

        Assert.Equal(one.Credential, other.Credential);
        Assert.Single((await workshop.Console()).Roster);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_the_next_try_is_a_new_operation()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        var operation = Guid.NewGuid();
        var phone = Phone(workshop, new FakeBrowserStorage(), JoinForm(workshop, operation));

        phone.Dispatch(new JoinRequested("Amina", Presence.Room, "ZZZ999"));

        var refused = await phone.UntilReduced<JoinRefused>("the refusal");
        Assert.NotEqual(WorkshopError.None, refused.Notice.Error);
        Assert.Equal(SessionStatus.NeedsJoin, phone.State.Status);
        Assert.NotEqual(operation, phone.State.JoinOperation);
        Assert.Empty((await workshop.Console()).Roster);
    }

    [Fact]
    public async Task A_browser_out_of_reach_does_not_stop_a_join()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        var browser = new FakeBrowserStorage();
        browser.Unreachable();
        var phone = Phone(workshop, browser, JoinForm(workshop, Guid.NewGuid()));

        phone.Dispatch(new JoinRequested(null, Presence.Remote, workshop.JoinCode));

        var open = await phone.UntilReduced<OpenWorkshop>("the workshop to be opened");
        Assert.NotNull(open.Credential);
        Assert.Null(browser.Item(BrowserStorage.ParticipantKey(workshop.Id)));
    }

    [Fact]
    public async Task Leaving_forgets_the_key_and_the_draft_this_browser_kept_and_says_so()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        var amina = await workshop.Join("Amina");
        var browser = new FakeBrowserStorage();
        await browser.Set(BrowserStorage.ParticipantKey(workshop.Id), amina.ToParticipantToken());
        browser.Type(workshop.Id, "Pas encore envoyé");
        var phone = Phone(workshop, browser, WorkshopSessionState.Initial with
        {
            Status = SessionStatus.Ready,
            WorkshopId = workshop.Id,
            Credential = amina,
        });

        phone.Dispatch(new LeaveRequested(DeleteNotes: true));

        var state = await phone.Until(s => s.Status == SessionStatus.Failed, "the leaving to be said");
        Assert.Equal(new Notice(WorkshopError.LeftWorkshop), state.Notice);
        Assert.Null(browser.Item(BrowserStorage.ParticipantKey(workshop.Id)));
        Assert.Null(browser.Draft(workshop.Id));
        Assert.False((await workshop.Gateway.Access(workshop.Id, amina)).IsGranted);
    }
}
