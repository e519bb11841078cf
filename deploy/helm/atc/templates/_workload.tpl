{{/*
One platform service as a Deployment (or StatefulSet for the edge bridge): the shared shape of
every service pod. Call with (dict "root" $ "component" "keys" "values" .Values.keys "image"
"keys-service" "port" 8081 "managementPort" 9081 "kind" "Deployment" "env" <yaml> "volumes" <yaml>
"volumeMounts" <yaml>). "withoutPlatformIdentity" true leaves out what only the API services need
(the internal tokens' public key, the database CA): the console has neither a database nor a token to check.
*/}}
{{- define "atc.workload" -}}
{{- $root := .root -}}
{{- $v := .values -}}
{{- $ctx := dict "root" $root "component" .component -}}
apiVersion: apps/v1
kind: {{ .kind }}
metadata:
  name: {{ include "atc.componentName" $ctx }}
  labels:
    {{- include "atc.labels" $ctx | nindent 4 }}
spec:
  {{- if eq .kind "StatefulSet" }}
  serviceName: {{ include "atc.componentName" $ctx }}-pods
  podManagementPolicy: Parallel
  {{- end }}
  {{- if not (and $v.autoscaling $v.autoscaling.enabled) }}
  replicas: {{ $v.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "atc.selectorLabels" $ctx | nindent 6 }}
  {{- if eq .kind "Deployment" }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 1
  {{- end }}
  template:
    metadata:
      labels:
        {{- include "atc.labels" $ctx | nindent 8 }}
      annotations:
        checksum/settings: {{ include "atc.settings" $root | sha256sum }}
        {{- if $root.Values.metrics.scrapeAnnotations }}
        prometheus.io/scrape: "true"
        prometheus.io/path: /q/metrics
        prometheus.io/port: {{ .managementPort | quote }}
        {{- end }}
        {{- with $v.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "atc.serviceAccountName" $root }}
      automountServiceAccountToken: false
      enableServiceLinks: false
      {{- with $root.Values.image.pullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $root.Values.priorityClassName }}
      priorityClassName: {{ . }}
      {{- end }}
      securityContext:
        {{- include "atc.podSecurityContext" (dict "uid" 185) | nindent 8 }}
      terminationGracePeriodSeconds: {{ $v.terminationGracePeriodSeconds | default 30 }}
      {{- include "atc.topologySpread" $ctx | nindent 6 }}
      {{- with $v.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ .component }}
          image: {{ include "atc.image" (dict "root" $root "name" .image) | quote }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          securityContext:
            {{- include "atc.containerSecurityContext" . | nindent 12 }}
          ports:
            - name: http
              containerPort: {{ .port }}
              protocol: TCP
            - name: management
              containerPort: {{ .managementPort }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "atc.fullname" $root }}-settings
          env:
            {{- if not .withoutPlatformIdentity }}
            {{- include "atc.commonEnv" $root | nindent 12 }}
            {{- end }}
            {{- .env | nindent 12 }}
            {{- with $v.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          {{- include "atc.managementProbes" . | nindent 10 }}
          resources:
            {{- toYaml $v.resources | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- if not .withoutPlatformIdentity }}
            {{- include "atc.databaseCaVolumeMount" $root | nindent 12 }}
            {{- end }}
            {{- with .volumeMounts }}
            {{- . | nindent 12 }}
            {{- end }}
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 64Mi
        {{- if not .withoutPlatformIdentity }}
        {{- include "atc.databaseCaVolume" $root | nindent 8 }}
        {{- end }}
        {{- with .volumes }}
        {{- . | nindent 8 }}
        {{- end }}
{{- end -}}

{{/* The ClusterIP Service of a service's API port (never its management port). */}}
{{- define "atc.apiService" -}}
{{- $ctx := dict "root" .root "component" .component -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "atc.componentName" $ctx }}
  labels:
    {{- include "atc.labels" $ctx | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "atc.selectorLabels" $ctx | nindent 4 }}
  ports:
    - name: http
      port: {{ .port }}
      targetPort: http
      protocol: TCP
{{- end -}}

{{/* PodDisruptionBudget of a component with more than one replica possible. */}}
{{- define "atc.pdb" -}}
{{- $ctx := dict "root" .root "component" .component -}}
{{- if .values.podDisruptionBudget.enabled }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "atc.componentName" $ctx }}
  labels:
    {{- include "atc.labels" $ctx | nindent 4 }}
spec:
  maxUnavailable: {{ .values.podDisruptionBudget.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "atc.selectorLabels" $ctx | nindent 6 }}
{{- end }}
{{- end -}}

{{- define "atc.hpa" -}}
{{- $ctx := dict "root" .root "component" .component -}}
{{- $a := .values.autoscaling -}}
{{- if $a.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "atc.componentName" $ctx }}
  labels:
    {{- include "atc.labels" $ctx | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: {{ .kind }}
    name: {{ include "atc.componentName" $ctx }}
  minReplicas: {{ $a.minReplicas }}
  maxReplicas: {{ $a.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $a.targetCPUUtilizationPercentage }}
  behavior:
    scaleDown:
      stabilizationWindowSeconds: {{ $a.scaleDownStabilizationSeconds }}
      policies:
        - type: Pods
          value: 1
          periodSeconds: 120
{{- end }}
{{- end -}}
