package com.webinar.billing.functions.eventrelay;

import com.webinar.billing.app.events.Delivery;
import com.webinar.billing.app.events.Envelope;
import com.webinar.billing.app.events.EventBus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A bus in memory for the relay's tests: answers each entry as told and remembers every call. */
class RecordingBus implements EventBus {
    private final List<List<Envelope>> calls = new ArrayList<>();
    private volatile Function<Envelope, Delivery> answer = entry -> Delivery.ACCEPTED;

    RecordingBus answering(Function<Envelope, Delivery> answer) {
        this.answer = answer;
        return this;
    }

    @Override
    public int maxEntriesPerCall() {
        return 10;
    }

    @Override
    public synchronized List<Delivery> publish(List<Envelope> entries) {
        calls.add(List.copyOf(entries));
        return entries.stream().map(answer).toList();
    }

    /** The sequence numbers of an account's entries, in the order they were sent. */
    synchronized List<Long> sentOf(String account) {
        return calls.stream()
                .flatMap(List::stream)
                .filter(entry -> entry.accountId().equals(account))
                .map(Envelope::sequence)
                .toList();
    }

    synchronized List<String> accounts() {
        return new ArrayList<>(calls.stream()
                .flatMap(List::stream)
                .map(Envelope::accountId)
                .distinct()
                .toList());
    }
}
