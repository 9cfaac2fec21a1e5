using CollectifLive.Workshops;

namespace CollectifLive.Domain.Tests;

public class JoinTests
{
    [Fact]
    public void A_participant_joins_with_a_name_and_a_presence_and_the_key_is_stored_hashed()
    {
        var state = new WorkshopBuilder().State;
        var decision = Workshop.Join(state, new JoinWorkshop(" Amina ", Presence.Remote, WorkshopBuilder.SecretFor("amina"), "ABC234"), WorkshopBuilder.Now);

        var joined = Assert.IsType<ParticipantJoined>(Assert.Single(decision.Events)).Participant;
        Assert.Equal("Amina", joined.DisplayName);
        Assert.Equal(Presence.Remote, joined.Presence);
        Assert.Equal(joined.Id, decision.Value);
        Assert.Equal(WorkshopAccess.Hash(WorkshopBuilder.SecretFor("amina")), joined.KeyHash);

        var after = Workshop.Apply(state, decision.Events);
        Assert.Equal(state.Version + 1, after.Version);
        Assert.True(after.Participants.ContainsKey(joined.Id));
    }

    [Theory]
    [InlineData("ZZZZZZ")]
    [InlineData("")]
    [InlineData(null)]
    public void Joining_without_the_current_code_is_refused(string? code)
    {
        var decision = Workshop.Join(new WorkshopBuilder().State, new JoinWorkshop("x", Presence.Room, WorkshopBuilder.SecretFor("x"), code!), WorkshopBuilder.Now);
        Assert.Equal(WorkshopError.JoinCodeUnknown, decision.Error);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void The_code_is_read_as_typed_on_a_phone()
    {
        var decision = Workshop.Join(new WorkshopBuilder().State, new JoinWorkshop("x", Presence.Room, WorkshopBuilder.SecretFor("x"), "abc-234"), WorkshopBuilder.Now);
        Assert.True(decision.IsAccepted);
    }

    [Fact]
    public void A_blank_name_joins_anonymously()
    {
        var decision = Workshop.Join(new WorkshopBuilder().State, new JoinWorkshop("   ", Presence.Room, WorkshopBuilder.SecretFor("x"), "ABC234"), WorkshopBuilder.Now);
        Assert.Null(Assert.IsType<ParticipantJoined>(decision.Events[0]).Participant.DisplayName);
    }

    [Fact]
    public void Participants_get_distinct_ids()
    {
        var builder = new WorkshopBuilder().WithParticipant("a").WithParticipant("b");
        Assert.NotEqual(builder.ParticipantId("a"), builder.ParticipantId("b"));
    }

    [Fact]
    public void Too_long_a_name_is_refused()
    {
        var decision = Workshop.Join(
            new WorkshopBuilder().State,
            new JoinWorkshop(new string('n', Limits.DisplayNameMaxLength + 1), Presence.Room, WorkshopBuilder.SecretFor("x"), "ABC234"),
            WorkshopBuilder.Now);
        Assert.Equal(WorkshopError.DisplayNameTooLong, decision.Error);
        Assert.Equal(Limits.DisplayNameMaxLength, decision.Limit);
    }

    [Fact]
    public void Only_room_and_remote_are_presences_a_participant_can_claim()
    {
        var decision = Workshop.Join(new WorkshopBuilder().State, new JoinWorkshop("x", Presence.Paper, WorkshopBuilder.SecretFor("x"), "ABC234"), WorkshopBuilder.Now);
        Assert.Equal(WorkshopError.InvalidRequest, decision.Error);
    }

    [Fact]
    public void A_full_workshop_refuses_one_more_participant()
    {
        var state = new WorkshopBuilder().State;
        var hash = WorkshopAccess.Hash(WorkshopBuilder.SecretFor("x"));
        var participants = Enumerable.Range(0, Limits.ParticipantsPerWorkshopMax)
            .Select(i => new Participant($"p{i}", null, Presence.Room, hash, WorkshopBuilder.Now))
            .ToDictionary(p => p.Id);
        var full = state with { Participants = System.Collections.Immutable.ImmutableDictionary.CreateRange(participants) };

        var decision = Workshop.Join(full, new JoinWorkshop("x", Presence.Room, WorkshopBuilder.SecretFor("x"), "ABC234"), WorkshopBuilder.Now);

        Assert.Equal(WorkshopError.WorkshopFull, decision.Error);
        Assert.Empty(decision.Events);
    }
}
