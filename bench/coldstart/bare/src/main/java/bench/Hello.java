package bench;

import io.quarkus.funqy.Funq;

public class Hello {
    public record Answer(String greeting) {}

    @Funq("hello")
    public Answer hello() {
        return new Answer("hello");
    }
}
