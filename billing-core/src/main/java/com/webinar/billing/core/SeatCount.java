package com.webinar.billing.core;

public record SeatCount(int total, int used, int free) {

    public SeatCount {
        if (total < 0 || used < 0 || free < 0) {
            throw new IllegalArgumentException("Seat counts cannot be negative: " + total + "/" + used + "/" + free);
        }
    }

    public static SeatCount none() {
        return new SeatCount(0, 0, 0);
    }
}
