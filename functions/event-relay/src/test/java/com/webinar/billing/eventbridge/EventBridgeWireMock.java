package com.webinar.billing.eventbridge;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/** Starts the fake EventBridge before the application and points the relay's client at it. */
public class EventBridgeWireMock implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's {@link FakeEventBridge} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectEventBridge {}

    private FakeEventBridge eventBridge;

    @Override
    public Map<String, String> start() {
        eventBridge = new FakeEventBridge();
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        return Map.of("billing.events.endpoint", eventBridge.baseUrl(), "billing.events.bus-name", "billing-bus");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(
                eventBridge, new TestInjector.AnnotatedAndMatchesType(InjectEventBridge.class, FakeEventBridge.class));
    }

    @Override
    public void stop() {
        if (eventBridge != null) {
            eventBridge.shutdown();
        }
    }
}
