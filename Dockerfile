# The single-user image for a class on gocurve: JupyterLab, JupyterHub's single-user
# server, the gocurve kernel and the course. Zero to JupyterHub runs it as
# singleuser.image (deploy/values.yaml); on its own it serves JupyterLab:
#
#   docker build -t gocurve .
#   docker run --rm -p 8888:8888 gocurve
#
# Both base images are pinned. Go comes from the official golang image and is used
# only to build: the kernel is one binary that needs no Go at run time.

# Build: deploy/install.sh, the script Binder and the tests run, installs the kernelspec
# and the course under /usr/local/share, the paths the final image uses.
FROM golang:1.26.8-bookworm AS build
ENV CGO_ENABLED=0
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN deploy/install.sh --prefix /usr/local

# Run: Python 3.11 on the same Debian as the build stage.
FROM python:3.11.7-slim-bookworm
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
# JupyterLab and jupyterhub-singleuser at the versions the tests run (test/requirements.txt
# is the one list of pins; -c takes versions from it without installing the test tools).
COPY test/requirements.txt /tmp/pins.txt
RUN python -m pip install -c /tmp/pins.txt jupyterlab jupyterhub && rm /tmp/pins.txt
COPY --from=build /usr/local/share/jupyter/kernels/gocurve /usr/local/share/jupyter/kernels/gocurve
COPY --from=build /usr/local/share/gocurve /usr/local/share/gocurve
# Zero to JupyterHub's default user: uid 1000, home /home/jovyan. The course is copied
# into the home here; on Kubernetes the home is a volume, and deploy/values.yaml copies
# the course into it at start.
RUN useradd --create-home --uid 1000 --shell /bin/bash jovyan \
 && cp -r /usr/local/share/gocurve/course /home/jovyan/course \
 && chown -R jovyan:jovyan /home/jovyan/course
USER jovyan
WORKDIR /home/jovyan
EXPOSE 8888
CMD ["jupyter", "lab", "--ip=0.0.0.0", "--port=8888", "--no-browser"]
