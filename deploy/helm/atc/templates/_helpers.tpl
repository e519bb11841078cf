{{/*
Names, labels, images and the pieces every workload shares. Components: gateway, keys, audit,
retention, edge-bridge, broker, migrator, audit-verify.
*/}}

{{- define "atc.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "atc.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The name of one component's objects: <fullname>-<component>. Call with (dict "root" $ "component" "gateway"). */}}
{{- define "atc.componentName" -}}
{{- printf "%s-%s" (include "atc.fullname" .root) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "atc.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "atc.selectorLabels" -}}
app.kubernetes.io/name: {{ include "atc.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "atc.labels" -}}
helm.sh/chart: {{ include "atc.chart" .root }}
{{ include "atc.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: atc
{{- end -}}

{{/* Labels of objects that belong to no one component (Secrets, the ServiceAccount). */}}
{{- define "atc.commonLabels" -}}
helm.sh/chart: {{ include "atc.chart" . }}
app.kubernetes.io/name: {{ include "atc.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: atc
{{- end -}}

{{/* An image of the platform: registry/repository/name, then @digest if given, else :tag (default appVersion). */}}
{{- define "atc.image" -}}
{{- $img := .root.Values.image -}}
{{- $repo := printf "%s/%s" $img.repository .name -}}
{{- if $img.registry -}}{{- $repo = printf "%s/%s" $img.registry $repo -}}{{- end -}}
{{- if $img.digest -}}
{{- printf "%s@%s" $repo $img.digest -}}
{{- else -}}
{{- printf "%s:%s" $repo (default .root.Chart.AppVersion $img.tag) -}}
{{- end -}}
{{- end -}}

{{- define "atc.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "atc.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The Secret of one group: the existing one named in values, else the one the chart creates or expects. */}}
{{- define "atc.secretName" -}}
{{- $group := index .root.Values.secrets .group -}}
{{- if $group.existingSecret -}}
{{- $group.existingSecret -}}
{{- else -}}
{{- printf "%s-%s" (include "atc.fullname" .root) (.group | kebabcase) -}}
{{- end -}}
{{- end -}}

{{/* An environment variable read from a Secret key: (dict "root" $ "name" "ATC_X" "group" "keys" "key" "pepper"). */}}
{{- define "atc.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ include "atc.secretName" (dict "root" .root "group" .group) }}
      key: {{ .key }}
{{- end -}}

{{/*
One fsGroup (185, the platform images' group) for every pod: volumes shared by two workloads (the CRL
file: edge bridge and broker; images: edge bridge and retention) stay writable by the writer and
readable by the reader whichever pod mounted them first.
*/}}
{{- define "atc.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid }}
runAsGroup: {{ .uid }}
fsGroup: 185
fsGroupChangePolicy: OnRootMismatch
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "atc.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* The database login of a service: its own role (app or retention), never the owner. */}}
{{- define "atc.databaseEnv" -}}
{{- $db := .root.Values.database -}}
{{- if eq .role "retention" }}
- name: ATC_DB_APP_USER
  value: {{ $db.users.retention | quote }}
{{ include "atc.secretEnv" (dict "root" .root "name" "ATC_DB_APP_PASSWORD" "group" "database" "key" "retention-password") }}
{{- else }}
- name: ATC_DB_APP_USER
  value: {{ $db.users.app | quote }}
{{ include "atc.secretEnv" (dict "root" .root "name" "ATC_DB_APP_PASSWORD" "group" "database" "key" "app-password") }}
{{- end }}
{{- end -}}

{{- define "atc.databaseCaVolumeMount" -}}
{{- if has .Values.database.sslMode (list "verify-ca" "verify-full") }}
- name: database-ca
  mountPath: /etc/atc/database-ca
  readOnly: true
{{- end }}
{{- end -}}

{{- define "atc.databaseCaVolume" -}}
{{- if has .Values.database.sslMode (list "verify-ca" "verify-full") }}
- name: database-ca
  secret:
    secretName: {{ include "atc.secretName" (dict "root" . "group" "database") }}
    items:
      - key: {{ .Values.database.caKey }}
        path: {{ .Values.database.caKey }}
{{- end }}
{{- end -}}

{{/* What every service reads besides its settings ConfigMap: the internal tokens' public key. */}}
{{- define "atc.commonEnv" -}}
{{ include "atc.secretEnv" (dict "root" . "name" "ATC_INTERNAL_JWT_PUBLIC_KEY" "group" "internalToken" "key" "public-key") }}
{{- end -}}

{{- define "atc.managementProbes" -}}
startupProbe:
  httpGet: {path: /q/health/started, port: management}
  periodSeconds: 2
  failureThreshold: 60
livenessProbe:
  httpGet: {path: /q/health/live, port: management}
  periodSeconds: 10
  timeoutSeconds: 3
  failureThreshold: 3
readinessProbe:
  httpGet: {path: /q/health/ready, port: management}
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: 3
{{- end -}}

{{- define "atc.topologySpread" -}}
topologySpreadConstraints:
  - maxSkew: 1
    topologyKey: topology.kubernetes.io/zone
    whenUnsatisfiable: ScheduleAnyway
    labelSelector:
      matchLabels:
        {{- include "atc.selectorLabels" . | nindent 8 }}
  - maxSkew: 1
    topologyKey: kubernetes.io/hostname
    whenUnsatisfiable: {{ .root.Values.topologySpread.hostnameWhenUnsatisfiable }}
    labelSelector:
      matchLabels:
        {{- include "atc.selectorLabels" . | nindent 8 }}
{{- end -}}

{{- define "atc.metricsAnnotations" -}}
{{- if .Values.metrics.scrapeAnnotations }}
prometheus.io/scrape: "true"
prometheus.io/path: /q/metrics
prometheus.io/port: {{ .port | quote }}
{{- end }}
{{- end -}}
