package io.atc.bench;

import java.util.Map;
import java.util.TreeMap;

/** Reads values out of a Prometheus text scrape (/q/metrics): plain samples and histogram buckets. */
final class PrometheusScrape {

    private final String text;

    PrometheusScrape(String text) {
        this.text = text;
    }

    /** The sample whose name and labels are exactly {@code series} (e.g. {@code x_total{kind="event"}}), else 0. */
    double value(String series) {
        return text.lines()
                .filter(line -> line.startsWith(series + " "))
                .findFirst()
                .map(line ->
                        Double.parseDouble(line.substring(series.length() + 1).strip()))
                .orElse(0.0);
    }

    /** Cumulative counts of a histogram by upper bound (seconds), {@code +Inf} as infinity. */
    TreeMap<Double, Double> buckets(String histogram) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        String prefix = histogram + "_bucket{";
        text.lines().filter(line -> line.startsWith(prefix)).forEach(line -> {
            int le = line.indexOf("le=\"") + 4;
            String bound = line.substring(le, line.indexOf('"', le));
            double upper = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
            buckets.put(upper, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
        });
        return buckets;
    }

    /**
     * The q-quantile of what a histogram counted between two scrapes, as the bucket it falls in:
     * {lower bound, upper bound} in milliseconds.
     */
    static double[] quantileMillis(TreeMap<Double, Double> before, TreeMap<Double, Double> after, double q) {
        double total = after.lastEntry().getValue() - before.getOrDefault(after.lastKey(), 0.0);
        double lower = 0;
        for (Map.Entry<Double, Double> bucket : after.entrySet()) {
            double cumulative = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
            if (cumulative >= q * total) {
                return new double[] {lower * 1000, bucket.getKey() * 1000};
            }
            lower = bucket.getKey();
        }
        return new double[] {lower * 1000, Double.POSITIVE_INFINITY};
    }
}
