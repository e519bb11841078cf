package io.atc.deploy;

import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/** The pod templates an object runs (none for objects that run no pods). */
public final class PodTemplates {

    private PodTemplates() {}

    public static List<PodTemplateSpec> of(HasMetadata object) {
        if (object instanceof Deployment deployment) {
            return List.of(deployment.getSpec().getTemplate());
        }
        if (object instanceof StatefulSet statefulSet) {
            return List.of(statefulSet.getSpec().getTemplate());
        }
        if (object instanceof Job job) {
            return List.of(job.getSpec().getTemplate());
        }
        if (object instanceof CronJob cronJob) {
            return List.of(cronJob.getSpec().getJobTemplate().getSpec().getTemplate());
        }
        return List.of();
    }
}
